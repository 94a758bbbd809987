package io.runnel.testing;

import io.runnel.annotation.Public;

/**
 * One element an operator under test emitted, as the {@link OneInputOperatorHarness} records it: a record (value
 * plus event timestamp), a watermark or a watermark status. Unlike the engine's mutable {@code StreamRecord}, these
 * are immutable values with {@code equals}, so a whole output can be compared with {@code assertEquals}.
 *
 * <p><b>Threading:</b> immutable (the values inside are whatever the operator emitted; the harness does not copy
 * them).
 */
@Public
public sealed interface OutputElement {

    /** The timestamp of a record that has none (the engine's convention too). */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /** @return a record of {@code value} at event time {@code timestampMillis} */
    static <T> Record<T> record(T value, long timestampMillis) {
        return new Record<>(value, timestampMillis);
    }

    /** @return a record of {@code value} without an event timestamp */
    static <T> Record<T> record(T value) {
        return new Record<>(value, NO_TIMESTAMP);
    }

    /** @return a watermark at {@code timestampMillis} */
    static Watermark watermark(long timestampMillis) {
        return new Watermark(timestampMillis);
    }

    /**
     * A data record.
     *
     * @param value the emitted value
     * @param timestampMillis its event time in ms, or {@link #NO_TIMESTAMP}
     * @param <T> the value type
     */
    record Record<T>(T value, long timestampMillis) implements OutputElement {
        /** @return true if the record carries an event timestamp */
        public boolean hasTimestamp() {
            return timestampMillis != NO_TIMESTAMP;
        }

        @Override
        public String toString() {
            return hasTimestamp() ? value + " @ " + timestampMillis : String.valueOf(value);
        }
    }

    /**
     * A watermark: no later record of this output has an event time at or before it.
     *
     * @param timestampMillis its time in ms
     */
    record Watermark(long timestampMillis) implements OutputElement {
        @Override
        public String toString() {
            return "Watermark(" + timestampMillis + ")";
        }
    }

    /**
     * The output went idle ({@code idle} true) or active again.
     *
     * @param idle true for idle
     */
    record WatermarkStatus(boolean idle) implements OutputElement {
    }
}
