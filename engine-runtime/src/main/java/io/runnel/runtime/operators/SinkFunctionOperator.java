package io.runnel.runtime.operators;

import io.runnel.api.connector.sink.SinkFunction;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;

/**
 * Runs a {@link SinkFunction}: one call per record; the function's state, checkpoint snapshots and completion
 * notices come through {@link UdfOperator} (so a {@code TwoPhaseCommitSinkFunction} pre-commits at the barrier and
 * commits when the checkpoint completes).
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <IN> the record type
 */
final class SinkFunctionOperator<IN> extends UdfOperator<SinkFunction<IN>, Void>
        implements OneInputStreamOperator<IN, Void>, SinkFunction.Context {

    /** Owner: task thread. */
    private StreamRecord<IN> current;
    /** Owner: task thread. */
    private long watermark = Long.MIN_VALUE;

    SinkFunctionOperator(SinkFunction<IN> function, StreamOperatorParameters<Void> parameters) {
        super(function, parameters);
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        current = record;
        function.invoke(record.getValue(), this);
    }

    @Override
    public Long timestamp() {
        return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        // A sink ends the chain: it only passes event time on to its function.
        watermark = mark.timestamp();
        function.writeWatermark(watermark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        // As above: nothing downstream.
    }

    @Override
    public void finish() throws Exception {
        function.finish();
    }
}
