package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.typeutils.TypeInformation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One step of a user's program as the DataStream API records it: a source, an operator, a union or a
 * repartitioning. {@link StreamGraphGenerator} turns the transformations into a {@link StreamGraph}.
 *
 * <p><b>Threading:</b> built and read by the thread that builds the job (the user's main thread).
 *
 * @param <T> the type of the records this step produces
 */
@Internal
public abstract class Transformation<T> {

    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final int id = NEXT_ID.incrementAndGet();
    private String name;
    private String uid;
    private int parallelism = -1;
    private int maxParallelism = -1;
    private TypeInformation<T> outputType;
    private boolean chainingAllowed = true;

    protected Transformation(String name, TypeInformation<T> outputType) {
        this.name = name;
        this.outputType = outputType;
    }

    /** @return the transformations this one reads */
    public abstract List<Transformation<?>> getInputs();

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** @return the user-given stable id, used to match state on restore; null if none */
    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    /** @return the parallelism, or -1 for the environment's default */
    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** @return the max parallelism (number of key groups), or -1 for the environment's default */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException("max parallelism must be in [1, 32768], got " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
    }

    public TypeInformation<T> getOutputType() {
        return outputType;
    }

    public void setOutputType(TypeInformation<T> outputType) {
        this.outputType = outputType;
    }

    public boolean isChainingAllowed() {
        return chainingAllowed;
    }

    public void setChainingAllowed(boolean chainingAllowed) {
        this.chainingAllowed = chainingAllowed;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "'}";
    }
}
