package io.runnel.runtime.operators;

import io.runnel.runtime.network.RecordWriter;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * Emits to another task through a {@link RecordWriter}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record value type
 */
public final class RecordWriterOutput<T> implements Output<T> {

    private final RecordWriter<T> writer;

    public RecordWriterOutput(RecordWriter<T> writer) {
        this.writer = writer;
    }

    @Override
    public void collect(StreamRecord<T> record) throws Exception {
        writer.emit(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) throws Exception {
        writer.broadcastEvent(watermark);
    }
}
