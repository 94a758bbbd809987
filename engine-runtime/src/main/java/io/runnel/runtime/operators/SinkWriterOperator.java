package io.runnel.runtime.operators;

import io.runnel.streamrecord.WatermarkStatus;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * Writes records through the {@link SinkWriter} of a {@link Sink}: created in {@link #open()}, flushed with
 * {@code endOfInput = true} in {@link #finish()}, closed in {@link #close()}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record type
 */
final class SinkWriterOperator<T> implements OneInputStreamOperator<T, Void>, SinkWriter.Context {

    private final Sink<T> sink;
    private final StreamingRuntimeContext runtimeContext;
    /** Owner: task thread. */
    private SinkWriter<T> writer;
    /** Owner: task thread. */
    private StreamRecord<T> current;

    SinkWriterOperator(Sink<T> sink, StreamOperatorParameters<Void> parameters) {
        this.sink = sink;
        this.runtimeContext = parameters.runtimeContext();
    }

    @Override
    public void open() throws Exception {
        writer = sink.createWriter(new WriterInitContext() {
            @Override
            public int getSubtaskId() {
                return runtimeContext.getIndexOfThisSubtask();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return runtimeContext.getNumberOfParallelSubtasks();
            }

            @Override
            public RuntimeContext getRuntimeContext() {
                return runtimeContext;
            }
        });
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        current = record;
        writer.write(record.getValue(), this);
    }

    @Override
    public Long timestamp() {
        return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
    }

    @Override
    public void processWatermark(Watermark watermark) {
        // A sink is the end of the chain: nothing downstream waits for event time.
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        // As above.
    }

    /**
     * Flushes what the writer buffered before the barrier, so that a checkpoint covers every record it wrote
     * (at-least-once for sinks without transactions) and a stop-with-savepoint, which skips {@link #finish()},
     * loses nothing.
     */
    @Override
    public void snapshotState(long checkpointId, long timestampMillis) throws Exception {
        writer.flush(false);
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            SinkWriter<T> w = writer;
            writer = null;
            w.close();
        }
    }
}
