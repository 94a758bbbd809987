package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.graph.Transformation;
import java.util.List;

/**
 * A stream sent to every parallel instance of the operator that reads it, together with the descriptors of the
 * broadcast states that operator keeps, from {@link DataStream#broadcast(MapStateDescriptor[])}. Only useful
 * connected to another stream ({@link DataStream#connect(BroadcastStream)}). Follows Flink's
 * {@code BroadcastStream}.
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <T> the broadcast records' type
 */
@Public
public class BroadcastStream<T> {

    private final StreamExecutionEnvironment environment;
    private final Transformation<T> transformation;
    private final List<MapStateDescriptor<?, ?>> descriptors;

    /**
     * @param transformation the input, already partitioned to broadcast
     * @throws IllegalArgumentException if there is no descriptor
     */
    BroadcastStream(StreamExecutionEnvironment environment, Transformation<T> transformation,
                    List<MapStateDescriptor<?, ?>> descriptors) {
        if (descriptors.isEmpty()) {
            throw new IllegalArgumentException("broadcast(...) with state needs at least one MapStateDescriptor");
        }
        this.environment = environment;
        this.transformation = transformation;
        this.descriptors = List.copyOf(descriptors);
    }

    /** @return the environment the stream belongs to */
    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** @return the transformation that produces the broadcast records (engine-internal) */
    public Transformation<T> getTransformation() {
        return transformation;
    }

    /** @return the descriptors of the broadcast states */
    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return descriptors;
    }
}
