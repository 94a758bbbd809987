package io.runnel.api.functions;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;

/**
 * Called once per joined pair of an interval join ({@code left.intervalJoin(right).between(lower, upper)}): a left
 * and a right value of the same key with {@code left.ts + lower <= right.ts <= left.ts + upper}. Results carry the
 * larger of the two timestamps as their event time. Follows Flink's {@code ProcessJoinFunction}.
 *
 * <p><b>Threading:</b> task thread only; the context and collector are valid only during the call.
 *
 * @param <IN1> the left input's type
 * @param <IN2> the right input's type
 * @param <OUT> the output type
 */
@Public
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Processes one joined pair.
     *
     * @throws Exception to fail the task
     */
    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** The timestamps of the pair being processed. */
    public abstract class Context {

        /** @return the left value's event timestamp in ms */
        public abstract long getLeftTimestamp();

        /** @return the right value's event timestamp in ms */
        public abstract long getRightTimestamp();

        /** @return the result's event timestamp in ms: the larger of the two */
        public abstract long getTimestamp();

        /**
         * Emits a value to the side output named by {@code tag}, with the result's timestamp.
         *
         * @throws IllegalArgumentException if the tag is null
         */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
