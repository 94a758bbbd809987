package io.runnel.api.functions;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;

/**
 * A process function on a keyed stream: each call is scoped to the key of the current value, and keyed state
 * obtained from {@link RuntimeContext} reads and writes that key's entry.
 *
 * <p><b>Threading:</b> task thread only; the context and collector are valid only during the call.
 *
 * @param <K> key type
 * @param <I> input type
 * @param <O> output type
 */
@Public
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Processes one value of the current key.
     *
     * @throws Exception to fail the task
     */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /**
     * Called when a timer registered through {@link Context#timerService()} fires, with that timer's key as the
     * current key, so keyed state reads and writes that key's entry.
     *
     * @param timestamp the timer's time in ms
     * @param ctx what fired (event or processing time) and the current key; valid only during the call
     * @param out where to emit results; they carry {@code timestamp} as their event time for event-time timers
     * @throws Exception to fail the task
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    }

    /** What a {@link KeyedProcessFunction} may ask about the current value. */
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
