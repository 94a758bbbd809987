package io.runnel.runtime.operators;

import io.runnel.streamrecord.WatermarkStatus;
import io.runnel.api.common.OutputTag;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * Hands records to the next operator of the chain by a direct call: no serialization, no copy.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record value type
 */
final class ChainingOutput<T> implements Output<T> {

    private final OneInputStreamOperator<T, ?> next;
    /** The side output this output carries, or null for the main output. */
    private final OutputTag<?> tag;

    ChainingOutput(OneInputStreamOperator<T, ?> next, OutputTag<?> tag) {
        this.next = next;
        this.tag = tag;
    }

    @Override
    public void collect(StreamRecord<T> record) throws Exception {
        if (tag == null) {
            next.processElement(record);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> recordTag, StreamRecord<X> record) throws Exception {
        if (recordTag.equals(tag)) {
            next.processElement((StreamRecord<T>) record);
        }
    }

    @Override
    public void emitWatermark(Watermark watermark) throws Exception {
        next.processWatermark(watermark);
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) throws Exception {
        next.processWatermarkStatus(status);
    }
}
