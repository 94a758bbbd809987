package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.graph.Transformation;

/**
 * The end of a pipeline: a sink, whose name, uid and parallelism can be set.
 *
 * @param <T> the record type written
 */
@Public
public final class DataStreamSink<T> {

    private final Transformation<?> transformation;

    DataStreamSink(Transformation<?> transformation) {
        this.transformation = transformation;
    }

    /** Sets the sink's name. @return this */
    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** Sets the sink's stable id. @return this */
    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    /** Sets the sink's parallelism. @return this */
    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    /** Keeps the sink out of any chain. @return this */
    public DataStreamSink<T> disableChaining() {
        transformation.setChainingAllowed(false);
        return this;
    }
}
