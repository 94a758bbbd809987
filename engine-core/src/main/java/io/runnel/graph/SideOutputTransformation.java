package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.common.OutputTag;
import java.util.List;

/**
 * Selects the side output {@code tag} of the operator {@code input}: becomes the output tag of the edges that
 * read it, so only that operator's records for the tag travel them.
 *
 * @param <T> the side output's record type
 */
@Internal
public final class SideOutputTransformation<T> extends Transformation<T> {

    private final Transformation<?> input;
    private final OutputTag<T> tag;

    /**
     * @param input the operator that emits the side output
     * @param tag the side output
     */
    public SideOutputTransformation(Transformation<?> input, OutputTag<T> tag) {
        super("SideOutput(" + tag.getId() + ")", tag.getTypeInfo());
        this.input = input;
        this.tag = tag;
    }

    /** @return the operator that emits the side output */
    public Transformation<?> getInput() {
        return input;
    }

    /** @return the side output */
    public OutputTag<T> getTag() {
        return tag;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
