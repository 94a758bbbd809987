package io.runnel.api.windowing.evictors;

import io.runnel.annotation.Public;

/**
 * An element of a window together with its event timestamp, as an {@link Evictor} sees it. Follows Flink's
 * {@code TimestampedValue}.
 *
 * <p><b>Contract:</b> when {@code hasTimestamp} is false, {@code timestamp} is {@link Long#MIN_VALUE} (the
 * compact constructor enforces it), the same marker a record without a timestamp carries.
 *
 * <p><b>Threading:</b> immutable (the value itself may not be).
 *
 * @param <T> the element type
 * @param value the element
 * @param timestamp its event timestamp in ms, or {@link Long#MIN_VALUE} if it has none
 * @param hasTimestamp whether the element has an event timestamp
 */
@Public
public record TimestampedValue<T>(T value, long timestamp, boolean hasTimestamp) {

    /** Normalizes the timestamp of a value without one. */
    public TimestampedValue {
        if (!hasTimestamp) {
            timestamp = Long.MIN_VALUE;
        }
    }

    /** @return a value with the event timestamp {@code timestamp} (ms) */
    public static <T> TimestampedValue<T> of(T value, long timestamp) {
        return new TimestampedValue<>(value, timestamp, true);
    }

    /** @return a value without an event timestamp */
    public static <T> TimestampedValue<T> withoutTimestamp(T value) {
        return new TimestampedValue<>(value, Long.MIN_VALUE, false);
    }
}
