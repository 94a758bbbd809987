package io.runnel.api.connector.sink;

import io.runnel.annotation.Public;
import io.runnel.api.functions.Function;

/**
 * A sink as one function called per record, for sinks that keep their own transactions and state (see
 * {@link TwoPhaseCommitSinkFunction}); added with {@code DataStream.addSink}. A function that is also a
 * {@code RichFunction}, {@code CheckpointedFunction} or {@code CheckpointListener} gets those calls too.
 *
 * <p><b>Threading:</b> every method runs on the task thread.
 *
 * @param <IN> the record type
 */
@Public
public interface SinkFunction<IN> extends Function {

    /** What a sink learns about the record it writes. */
    interface Context {
        /** @return the record's event timestamp in ms, or null if it has none */
        Long timestamp();

        /** @return the sink's current watermark in ms ({@code Long.MIN_VALUE} before the first) */
        long currentWatermark();
    }

    /**
     * Writes one record.
     *
     * @throws Exception to fail the task
     */
    void invoke(IN value, Context context) throws Exception;

    /**
     * The sink's watermark advanced (after Flink's {@code SinkFunction.writeWatermark}): also without records, so
     * a sink whose subtask gets none still learns how far event time has come. Default: nothing.
     *
     * @param watermarkMillis the new watermark, ms; never lower than a previous one
     * @throws Exception to fail the task
     */
    default void writeWatermark(long watermarkMillis) throws Exception {
    }

    /**
     * The input ended (not called when the job stops with a savepoint without drain).
     *
     * @throws Exception to fail the task
     */
    default void finish() throws Exception {
    }
}
