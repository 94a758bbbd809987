package io.runnel.runtime.operators;

import io.runnel.streamrecord.WatermarkStatus;
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
    /** The side output this output carries, or null for the main output. */
    private final OutputTag<?> tag;

    /**
     * @param writer where records go
     * @param tag the side output this output carries, or null for the main output
     */
    public RecordWriterOutput(RecordWriter<T> writer, OutputTag<?> tag) {
        this.writer = writer;
        this.tag = tag;
    }

    @Override
    public void collect(StreamRecord<T> record) throws Exception {
        if (tag == null) {
            writer.emit(record);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> recordTag, StreamRecord<X> record) throws Exception {
        if (recordTag.equals(tag)) {
            writer.emit((StreamRecord<T>) record);
        }
    }

    @Override
    public void emitWatermark(Watermark watermark) throws Exception {
        writer.broadcastEvent(watermark);
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) throws Exception {
        writer.broadcastEvent(status);
    }
}
