package io.runnel.runtime.operators;

import io.runnel.streamrecord.WatermarkStatus;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * An operator with two inputs of possibly different types: connected streams, interval joins, broadcast state.
 * It always heads its task's chain; the task's input processor calls {@link #processElement1} for records of the
 * edges with input index 1 and {@link #processElement2} for those with index 2, and {@link #processWatermark}
 * with the minimum of the two inputs' watermarks whenever that minimum advances. After Flink's
 * {@code TwoInputStreamOperator}, except that the combined watermark is computed by the input processor rather
 * than by every operator.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> output type
 */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator {

    /**
     * Processes one record of the first input. The record object may be reused by the caller after the call.
     *
     * @throws Exception from user code, to fail the task
     */
    void processElement1(StreamRecord<IN1> record) throws Exception;

    /**
     * Processes one record of the second input. The record object may be reused by the caller after the call.
     *
     * @throws Exception from user code, to fail the task
     */
    void processElement2(StreamRecord<IN2> record) throws Exception;

    /**
     * Processes the operator's watermark, {@code min(watermark of input 1, watermark of input 2)}; operators
     * without event-time logic forward it.
     *
     * @throws Exception to fail the task
     */
    void processWatermark(Watermark watermark) throws Exception;

    /**
     * Learns that both inputs went idle, or that one became active again (see
     * {@link OneInputStreamOperator#processWatermarkStatus}).
     *
     * @throws Exception to fail the task
     */
    void processWatermarkStatus(WatermarkStatus status) throws Exception;
}
