package io.runnel.api.windowing.triggers;

import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.windowing.windows.Window;
import java.time.Duration;

/**
 * The fire-time arithmetic shared by the continuous triggers: fire times are aligned to multiples of the interval
 * (ms since the epoch) and capped at the window's end, so the last periodic fire is the window's final one.
 *
 * <p><b>Threading:</b> stateless.
 */
final class FireTimes {

    private FireTimes() {
    }

    /**
     * @return the interval in ms
     * @throws IllegalArgumentException if it is null, too large for ms, or below 1 ms
     */
    static long intervalMillis(Duration interval) {
        if (interval == null) {
            throw new IllegalArgumentException("interval must not be null");
        }
        long ms;
        try {
            ms = interval.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("interval is too large to be held in ms: " + interval, e);
        }
        if (ms <= 0) {
            throw new IllegalArgumentException("interval must be > 0 ms, got " + interval);
        }
        return ms;
    }

    /** @return a descriptor of the pending fire time; merging keeps the earliest */
    static ReducingStateDescriptor<Long> descriptor() {
        return new ReducingStateDescriptor<>("fire-time", new LongReducers.Min(), Long.class);
    }

    /**
     * @return the end of the interval slot that holds {@code time}, capped at {@code window.maxTimestamp()}: with a
     *     10 ms interval, 13 gives 20 and 20 gives 30
     */
    static long firstFireTime(long time, long intervalMs, Window window) {
        // floorMod keeps the alignment right for times before the epoch.
        return after(time - Math.floorMod(time, intervalMs), intervalMs, window);
    }

    /** @return {@code firedAt + intervalMs}, capped at {@code window.maxTimestamp()} (and without overflow) */
    static long after(long firedAt, long intervalMs, Window window) {
        long max = window.maxTimestamp();
        return firedAt >= max - intervalMs ? max : firedAt + intervalMs;
    }
}
