package io.runnel.runtime.operators;

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

    ChainingOutput(OneInputStreamOperator<T, ?> next) {
        this.next = next;
    }

    @Override
    public void collect(StreamRecord<T> record) throws Exception {
        next.processElement(record);
    }

    /** Side outputs are not wired to consumers yet: every tagged record is dropped here. */
    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        // Dropped: see the javadoc.
    }

    @Override
    public void emitWatermark(Watermark watermark) throws Exception {
        next.processWatermark(watermark);
    }
}
