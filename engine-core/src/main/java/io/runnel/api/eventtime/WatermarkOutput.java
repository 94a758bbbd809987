package io.runnel.api.eventtime;

import io.runnel.annotation.Public;

/**
 * Where a {@link WatermarkGenerator} emits. Watermarks that do not advance are ignored, so generators may emit
 * freely.
 *
 * <p><b>Threading:</b> task thread only.
 */
@Public
public interface WatermarkOutput {

    /** Emits a watermark: no record with a timestamp at or before {@code timestamp} (ms) is expected any more. */
    void emitWatermark(long timestamp);

    /** Marks this output idle: it does not hold back the watermark downstream until it emits again. */
    void markIdle();

    /** Marks this output active again. */
    void markActive();
}
