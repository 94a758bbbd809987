package io.runnel.api.functions;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;

/**
 * A process function over two connected streams ({@code a.connect(b).process(fn)}): {@link #processElement1} sees
 * the values of the first stream, {@link #processElement2} those of the second, in the order they arrive at this
 * subtask. The two streams may have different types; a field of the function may hold what one side has seen
 * for the other, but only per subtask: use {@link KeyedCoProcessFunction} for state and timers per key. Follows
 * Flink's {@code CoProcessFunction}.
 *
 * <p><b>Threading:</b> task thread only; the two methods are never called concurrently; the context and
 * collector are valid only during the call.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@Public
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Processes one value of the first input.
     *
     * @throws Exception to fail the task
     */
    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * Processes one value of the second input.
     *
     * @throws Exception to fail the task
     */
    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** What a {@link CoProcessFunction} may ask about the current value. */
    public abstract class Context {

        /** @return the event timestamp of the current value in ms, or null if it has none */
        public abstract Long timestamp();

        /**
         * @return the clocks of this operator; its watermark is the minimum of the two inputs' watermarks.
         *     Registering timers needs keyed inputs (use {@link KeyedCoProcessFunction}) and throws
         *     {@link UnsupportedOperationException} here
         */
        public abstract TimerService timerService();

        /**
         * Emits a value to the side output named by {@code tag}, with the current value's timestamp.
         *
         * @throws IllegalArgumentException if the tag is null
         */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
