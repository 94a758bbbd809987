package io.runnel.api.windowing.assigners;

import java.time.Duration;

/**
 * Argument checks shared by the assigner factories, so that every factory rejects bad input with the same
 * messages, each naming the argument.
 *
 * <p><b>Threading:</b> stateless.
 */
final class AssignerArguments {

    private AssignerArguments() {
    }

    /**
     * @return {@code duration} in ms
     * @throws IllegalArgumentException if it is null, does not fit a long in ms, or is not {@code > 0} ms
     */
    static long positiveMillis(String name, Duration duration) {
        long ms = millis(name, duration);
        if (ms <= 0) {
            throw new IllegalArgumentException(name + " must be > 0 ms, got " + duration);
        }
        return ms;
    }

    /**
     * @return {@code duration} in ms; sub-millisecond parts are dropped
     * @throws IllegalArgumentException if it is null or does not fit a long in ms
     */
    static long millis(String name, Duration duration) {
        if (duration == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        try {
            return duration.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " is too large to be held in ms: " + duration, e);
        }
    }

    /**
     * @throws IllegalArgumentException unless {@code |offsetMs| < boundMs}; an offset of a whole period or more
     *     would name the same grid as a smaller one, so it is most likely a mistake
     */
    static void checkOffset(long offsetMs, long boundMs, String boundName) {
        if (offsetMs <= -boundMs || offsetMs >= boundMs) {
            throw new IllegalArgumentException(
                    "offset must satisfy |offset| < " + boundName + " (" + boundMs + " ms), got " + offsetMs + " ms");
        }
    }

    /**
     * @throws IllegalStateException if {@code timestamp} is {@link Long#MIN_VALUE}, the marker of a record without
     *     an event timestamp
     */
    static void requireTimestamp(long timestamp) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("A record has no event timestamp (Long.MIN_VALUE), so an event-time window"
                    + " assigner cannot place it. Assign timestamps and watermarks to the stream before windowing it"
                    + " (a source with a WatermarkStrategy, or assignTimestampsAndWatermarks(...)), or use a"
                    + " processing-time window assigner.");
        }
    }
}
