package io.runnel.api.eventtime;

import io.runnel.annotation.Public;
import java.time.Duration;

/**
 * Wraps a generator and marks the output idle when no record arrived for a processing-time timeout, so that a
 * quiet input does not hold back the watermark of the operators downstream; the next record makes it active.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record type
 */
@Public
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> inner;
    private final long idleTimeoutMillis;
    /** Owner: task thread. Wall-clock ms of the last record. */
    private long lastEventTime = System.currentTimeMillis();
    private boolean idle;

    /**
     * @param inner the generator to wrap
     * @param idleTimeout how long without records makes the output idle
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public WatermarksWithIdleness(WatermarkGenerator<T> inner, Duration idleTimeout) {
        if (idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
        this.inner = inner;
        this.idleTimeoutMillis = idleTimeout.toMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        lastEventTime = System.currentTimeMillis();
        if (idle) {
            idle = false;
            output.markActive();
        }
        inner.onEvent(event, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (!idle && System.currentTimeMillis() - lastEventTime >= idleTimeoutMillis) {
            idle = true;
            output.markIdle();
        }
        if (!idle) {
            inner.onPeriodicEmit(output);
        }
    }
}
