package io.runnel.runtime.operators;

import io.runnel.streamrecord.WatermarkStatus;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * An operator with one (possibly unioned) input.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <IN> input type
 * @param <OUT> output type
 */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator {

    /**
     * Processes one record. The record object may be reused by the caller after the call.
     *
     * @throws Exception from user code, to fail the task
     */
    void processElement(StreamRecord<IN> record) throws Exception;

    /** Processes a watermark; operators without event-time logic forward it. @throws Exception to fail */
    void processWatermark(Watermark watermark) throws Exception;

    /**
     * Learns that the input went idle or active again; operators that do not generate watermarks forward it, so
     * consumers can leave an idle stream out of their watermark minimum.
     *
     * @throws Exception to fail the task
     */
    void processWatermarkStatus(WatermarkStatus status) throws Exception;
}
