package io.runnel.testing;

import io.runnel.api.common.Configuration;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.graph.OneInputTransformation;
import io.runnel.graph.OperatorSpec;
import io.runnel.graph.PartitionTransformation;
import io.runnel.graph.SourceTransformation;
import io.runnel.graph.Transformation;
import java.util.function.Function;

/**
 * Finds the operator a piece of DataStream code applies, so that a harness tests exactly what a job would run
 * (window operators in particular, whose spec carries the assigner, trigger, evictor, lateness and functions).
 *
 * <p><b>Threading:</b> stateless; the pipeline runs on the calling thread.
 */
final class PipelineSpecs {

    private PipelineSpecs() {
    }

    /**
     * @param inputType the type of the input stream handed to {@code pipeline}
     * @param pipeline DataStream code applying one operator to its argument
     * @return the operator's spec
     * @throws IllegalArgumentException if the pipeline does not apply exactly one one-input operator to its input
     */
    static <IN, OUT> OperatorSpec singleOperator(TypeInformation<IN> inputType,
                                                 Function<DataStream<IN>, ? extends DataStream<OUT>> pipeline) {
        // The input stream is never run; it only anchors the transformation the pipeline builds on it.
        SourceTransformation<IN> input = new SourceTransformation<>("harness input", null, inputType);
        DataStream<OUT> result = pipeline.apply(
                new DataStream<>(new StreamExecutionEnvironment(new Configuration()), input));
        if (result == null || !(result.getTransformation() instanceof OneInputTransformation<?, ?> operator)) {
            throw new IllegalArgumentException("The pipeline must end with an operator on its input (such as "
                    + "in.keyBy(...).window(...).reduce(...)), but returned "
                    + (result == null ? "null" : result.getTransformation().getName()));
        }
        Transformation<?> before = operator.getInput();
        while (before instanceof PartitionTransformation<?> partition) {
            before = partition.getInput();
        }
        if (before != input) {
            throw new IllegalArgumentException("The pipeline must apply exactly one operator to its input, but '"
                    + operator.getName() + "' reads '" + before.getName() + "'");
        }
        return operator.getSpec();
    }
}
