package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.typeutils.TypeInformation;
import java.util.List;

/**
 * An operator with one input (which may be a union of several streams), described by an {@link OperatorSpec}.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
@Internal
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {

    private final Transformation<IN> input;
    private final OperatorSpec spec;

    public OneInputTransformation(Transformation<IN> input, String name, OperatorSpec spec,
                                  TypeInformation<OUT> outputType) {
        super(name, outputType);
        this.input = input;
        this.spec = spec;
    }

    public Transformation<IN> getInput() {
        return input;
    }

    public OperatorSpec getSpec() {
        return spec;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
