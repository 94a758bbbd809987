package io.runnel.runtime.operators;

import io.runnel.streamrecord.WatermarkStatus;
import io.runnel.api.common.OutputTag;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * Where an operator emits: the next operator of the chain, a record writer to another task, or several of these.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record value type
 */
public interface Output<T> {

    /**
     * Emits a record. The receiver may reuse the {@link StreamRecord} object once the call returns, so the caller
     * must not rely on it afterwards.
     *
     * @throws Exception from downstream user code or the network
     */
    void collect(StreamRecord<T> record) throws Exception;

    /**
     * Emits a record to the side output named by {@code tag}; outputs that do not carry that side output drop it.
     *
     * @throws Exception from downstream operators
     */
    <X> void collect(OutputTag<X> tag, StreamRecord<X> record) throws Exception;

    /** Emits a watermark. @throws Exception from downstream operators */
    void emitWatermark(Watermark watermark) throws Exception;

    /** Emits that this stream went idle or active again. @throws Exception from downstream operators */
    void emitWatermarkStatus(WatermarkStatus status) throws Exception;
}
