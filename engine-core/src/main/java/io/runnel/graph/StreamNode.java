package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.typeutils.TypeInformation;
import java.util.ArrayList;
import java.util.List;

/**
 * One operator of the {@link StreamGraph}, with its resolved parallelism.
 *
 * <p><b>Threading:</b> built by {@link StreamGraphGenerator} on the job-building thread, then read-only.
 */
@Internal
public final class StreamNode {

    private final int id;
    private final String name;
    private final String uid;
    private final int parallelism;
    private final int maxParallelism;
    private final OperatorSpec spec;
    private final TypeInformation<?> outputType;
    private final boolean chainingAllowed;
    private final List<StreamEdge> inEdges = new ArrayList<>();
    private final List<StreamEdge> outEdges = new ArrayList<>();

    StreamNode(int id, String name, String uid, int parallelism, int maxParallelism, OperatorSpec spec,
               TypeInformation<?> outputType, boolean chainingAllowed) {
        this.id = id;
        this.name = name;
        this.uid = uid;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.spec = spec;
        this.outputType = outputType;
        this.chainingAllowed = chainingAllowed;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUid() {
        return uid;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public OperatorSpec getSpec() {
        return spec;
    }

    public TypeInformation<?> getOutputType() {
        return outputType;
    }

    public boolean isChainingAllowed() {
        return chainingAllowed;
    }

    public List<StreamEdge> getInEdges() {
        return inEdges;
    }

    public List<StreamEdge> getOutEdges() {
        return outEdges;
    }

    @Override
    public String toString() {
        return name + "#" + id + "(p=" + parallelism + ")";
    }
}
