package io.runnel.api.functions;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;

/**
 * A process function over two connected streams keyed by the same kind of key
 * ({@code a.connect(b).keyBy(keyA, keyB).process(fn)}, or the connection of two {@code KeyedStream}s): each call is
 * scoped to the key of the current value, so keyed state from {@link RuntimeContext} and timers are shared by the
 * two inputs' values of one key. That is what makes joins and enrichment of one stream by another possible.
 * Event-time timers fire when the operator's watermark, the minimum of the two inputs' watermarks, reaches them.
 * Follows Flink's {@code KeyedCoProcessFunction}.
 *
 * <p><b>Threading:</b> task thread only; processElement1, processElement2 and onTimer are never called
 * concurrently; the context and collector are valid only during the call.
 *
 * @param <K> the key type
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@Public
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Processes one value of the first input, with its key as the current key.
     *
     * @throws Exception to fail the task
     */
    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * Processes one value of the second input, with its key as the current key.
     *
     * @throws Exception to fail the task
     */
    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * Called when a timer registered through {@link Context#timerService()} fires, with the timer's key as the
     * current key.
     *
     * @param timestamp the timer's time in ms
     * @param ctx what fired (event or processing time) and the current key; valid only during the call
     * @param out where to emit results; they carry {@code timestamp} as their event time for event-time timers
     * @throws Exception to fail the task
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    }

    /** What a {@link KeyedCoProcessFunction} may ask about the current value. */
    public abstract class Context {

        /** @return the event timestamp of the current value in ms, or null if it has none */
        public abstract Long timestamp();

        /** @return the key of the current value */
        public abstract K getCurrentKey();

        /** @return the timers and clocks of this operator, scoped to the current key */
        public abstract TimerService timerService();

        /**
         * Emits a value to the side output named by {@code tag}, with the current value's timestamp.
         *
         * @throws IllegalArgumentException if the tag is null
         */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }

    /** The context of {@link #onTimer}: also says which clock fired. */
    public abstract class OnTimerContext extends Context {

        /** @return the time domain of the firing timer */
        public abstract TimeDomain timeDomain();
    }
}
