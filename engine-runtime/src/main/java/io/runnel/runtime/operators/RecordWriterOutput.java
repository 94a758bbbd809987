package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
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

    /** Side outputs are not wired to consumers yet: every tagged record is dropped here. */
    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        // Dropped: see the javadoc.
    }

    @Override
    public void emitWatermark(Watermark watermark) throws Exception {
        writer.broadcastEvent(watermark);
    }
}
