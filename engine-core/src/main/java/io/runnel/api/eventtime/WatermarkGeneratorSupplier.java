package io.runnel.api.eventtime;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * Creates a {@link WatermarkGenerator} per parallel instance.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {

    /** @return a new generator; called on the task thread when the operator opens */
    WatermarkGenerator<T> createWatermarkGenerator();
}
