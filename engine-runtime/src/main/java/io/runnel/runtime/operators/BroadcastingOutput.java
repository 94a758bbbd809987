package io.runnel.runtime.operators;

import io.runnel.streamrecord.WatermarkStatus;
import io.runnel.api.common.OutputTag;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import java.util.List;

/**
 * Emits to several outputs (an operator whose result feeds more than one consumer). Every output but the last
 * gets a copy of the {@link StreamRecord} wrapper, because chained operators reuse the record object they receive.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record value type
 */
final class BroadcastingOutput<T> implements Output<T> {

    private final Output<T>[] outputs;

    @SuppressWarnings("unchecked")
    BroadcastingOutput(List<Output<T>> outputs) {
        this.outputs = outputs.toArray(new Output[0]);
    }

    @Override
    public void collect(StreamRecord<T> record) throws Exception {
        int last = outputs.length - 1;
        for (int i = 0; i < last; i++) {
            StreamRecord<T> copy = new StreamRecord<>(record.getValue());
            copy.copyTimestampFrom(record);
            outputs[i].collect(copy);
        }
        outputs[last].collect(record);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) throws Exception {
        for (Output<T> o : outputs) {
            StreamRecord<X> copy = new StreamRecord<>(record.getValue());
            copy.copyTimestampFrom(record);
            o.collect(tag, copy);
        }
    }

    @Override
    public void emitWatermark(Watermark watermark) throws Exception {
        for (Output<T> o : outputs) {
            o.emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) throws Exception {
        for (Output<T> o : outputs) {
            o.emitWatermarkStatus(status);
        }
    }
}
