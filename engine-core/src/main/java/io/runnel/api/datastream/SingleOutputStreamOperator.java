package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.graph.SideOutputTransformation;
import io.runnel.graph.Transformation;

/**
 * A stream produced by one operator, whose name, uid, parallelism and type can be set.
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <T> the record type
 */
@Public
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    /** Sets the operator's name (shown in task names and logs). @return this */
    public SingleOutputStreamOperator<T> name(String name) {
        boolean source = transformation.getName().startsWith("Source: ");
        transformation.setName(source ? "Source: " + name : name);
        return this;
    }

    /** Sets the operator's stable id, which matches its state on restore. @return this */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    /** Sets the operator's parallelism. @return this */
    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    /** Sets the operator's number of key groups. @return this */
    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    /** States the output type where the engine cannot infer it (e.g. a lambda flatMap). @return this */
    public SingleOutputStreamOperator<T> returns(Class<T> type) {
        transformation.setOutputType(TypeInformation.of(type));
        return this;
    }

    /** States the output type. @return this */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> type) {
        transformation.setOutputType(type);
        return this;
    }

    /** Keeps this operator out of any chain (it runs in a task of its own). @return this */
    public SingleOutputStreamOperator<T> disableChaining() {
        transformation.setChainingAllowed(false);
        return this;
    }

    /**
     * @return the stream of what this operator emits to the side output {@code tag} through
     *     {@code ctx.output(tag, value)} (process functions) or as late data of a window
     */
    public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
        if (tag == null) {
            throw new IllegalArgumentException("getSideOutput needs an OutputTag, got null");
        }
        return new DataStream<>(environment, new SideOutputTransformation<>(transformation, tag));
    }
}
