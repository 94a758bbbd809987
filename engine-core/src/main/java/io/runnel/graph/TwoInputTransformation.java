package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.typeutils.TypeInformation;
import java.util.List;

/**
 * An operator with two inputs of possibly different types (connected streams, interval joins, broadcast state),
 * described by an {@link OperatorSpec} for which {@link OperatorSpec#isTwoInput} holds. The generator gives the
 * edges from {@code input1} input index 1 and those from {@code input2} index 2; the runtime tells the inputs
 * apart by that index. Follows Flink's {@code TwoInputTransformation}.
 *
 * <p><b>Threading:</b> built and read by the thread that builds the job.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@Internal
public final class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {

    private final Transformation<IN1> input1;
    private final Transformation<IN2> input2;
    private final OperatorSpec spec;

    /**
     * @param input1 the first input (may be a partitioning or union)
     * @param input2 the second input
     * @param name the operator name
     * @param spec what the operator does; must be a two-input spec
     * @param outputType the output type
     * @throws IllegalArgumentException if {@code spec} is not a two-input spec
     */
    public TwoInputTransformation(Transformation<IN1> input1, Transformation<IN2> input2, String name,
                                  OperatorSpec spec, TypeInformation<OUT> outputType) {
        super(name, outputType);
        if (!OperatorSpec.isTwoInput(spec)) {
            throw new IllegalArgumentException("not a two-input operator: " + spec.defaultName());
        }
        this.input1 = input1;
        this.input2 = input2;
        this.spec = spec;
    }

    /** @return the first input */
    public Transformation<IN1> getInput1() {
        return input1;
    }

    /** @return the second input */
    public Transformation<IN2> getInput2() {
        return input2;
    }

    /** @return what the operator does */
    public OperatorSpec getSpec() {
        return spec;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input1, input2);
    }
}
