package io.runnel.graph;

import io.runnel.annotation.Internal;
import java.util.List;

/**
 * The union of streams of the same type; becomes extra input edges of the consuming operator, not an operator.
 *
 * @param <T> the record type
 */
@Internal
public final class UnionTransformation<T> extends Transformation<T> {

    private final List<Transformation<T>> inputs;

    public UnionTransformation(List<Transformation<T>> inputs) {
        super("Union", inputs.get(0).getOutputType());
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.copyOf(inputs);
    }
}
