package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.connector.source.Source;
import io.runnel.api.eventtime.WatermarkStrategy;
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
    private final WatermarkStrategy<T> watermarkStrategy;

    public SourceTransformation(String name, Source<T, ?, ?> source, TypeInformation<T> outputType) {
        this(name, source, outputType, null);
    }

    /** @param watermarkStrategy event time generated inside the source, per split, or null for none */
    public SourceTransformation(String name, Source<T, ?, ?> source, TypeInformation<T> outputType,
                                WatermarkStrategy<T> watermarkStrategy) {
        super(name, outputType);
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
    }

    public Source<T, ?, ?> getSource() {
        return source;
    }

    /** @return the strategy the source generates event time with, or null */
    public WatermarkStrategy<T> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
