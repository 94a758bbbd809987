package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.Collector;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * The {@link Collector} handed to user functions: emits values with the timestamp of the input record being
 * processed, reusing one {@link StreamRecord}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the value type
 */
final class TimestampedCollector<T> implements Collector<T> {

    private final Output<T> output;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    TimestampedCollector(Output<T> output) {
        this.output = output;
    }

    void setTimestampFrom(StreamRecord<?> record) {
        reuse.copyTimestampFrom(record);
    }

    void setAbsoluteTimestamp(long timestamp) {
        reuse.setTimestamp(timestamp);
    }

    void eraseTimestamp() {
        reuse.eraseTimestamp();
    }

    @Override
    public void collect(T value) {
        emit(output, reuse.replace(value));
    }

    /** Emits through an output from a method that cannot throw checked exceptions (see {@link DownstreamException}). */
    static <X> void emit(Output<X> output, StreamRecord<X> record) {
        try {
            output.collect(record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DownstreamException(e);
        }
    }

    /** Emits a watermark from a method that cannot throw checked exceptions (see {@link DownstreamException}). */
    static void emitWatermark(Output<?> output, Watermark watermark) {
        try {
            output.emitWatermark(watermark);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DownstreamException(e);
        }
    }

    /** Emits to a side output from a method that cannot throw checked exceptions (see {@link DownstreamException}). */
    static <X> void emitSide(Output<?> output, OutputTag<X> tag, StreamRecord<X> record) {
        try {
            output.collect(tag, record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DownstreamException(e);
        }
    }

    /**
     * Carries a checked exception of a downstream operator through {@link Collector#collect}, which cannot
     * declare it; the operator that called the user function unwraps it again.
     */
    static final class DownstreamException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DownstreamException(Exception cause) {
            super(cause);
        }
    }
}
