package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.connector.source.Source;
import io.runnel.api.typeutils.TypeInformation;
import java.util.List;

/**
 * A source of the job.
 *
 * @param <T> the record type
 */
@Internal
public final class SourceTransformation<T> extends Transformation<T> {

    private final Source<T, ?, ?> source;

    public SourceTransformation(String name, Source<T, ?, ?> source, TypeInformation<T> outputType) {
        super(name, outputType);
        this.source = source;
    }

    public Source<T, ?, ?> getSource() {
        return source;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
