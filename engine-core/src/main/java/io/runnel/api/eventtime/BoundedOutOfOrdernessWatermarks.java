package io.runnel.api.eventtime;

import io.runnel.annotation.Public;
import java.time.Duration;

/**
 * Periodic watermarks that trail the largest timestamp seen by a fixed bound: the watermark is
 * {@code maxTimestamp - outOfOrderness - 1}, so records up to {@code outOfOrderness} ms older than the newest one
 * are still on time. With a bound of 0 this is the monotonous-timestamps generator.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record type
 */
@Public
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {

    private final long outOfOrdernessMillis;
    /** Owner: task thread. */
    private long maxTimestamp;

    /**
     * @param maxOutOfOrderness how far (ms precision) a record may lag the newest one and still be on time
     * @throws IllegalArgumentException if negative
     */
    public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must not be negative: " + maxOutOfOrderness);
        }
        this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
        // Start so that the first periodic watermark is Long.MIN_VALUE, without overflow.
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(maxTimestamp - outOfOrdernessMillis - 1);
    }
}
