package io.runnel.api.eventtime;

import io.runnel.annotation.Public;

/**
 * Generates watermarks from the records it sees (on-event) and/or at a fixed processing-time interval
 * (periodic, {@code pipeline.auto-watermark-interval}, default 200 ms).
 *
 * <p><b>Threading:</b> task thread only; both methods are called on it.
 *
 * @param <T> the record type
 */
@Public
public interface WatermarkGenerator<T> {

    /** Called for every record, with its event time in ms. */
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    /** Called every watermark interval. */
    void onPeriodicEmit(WatermarkOutput output);
}
