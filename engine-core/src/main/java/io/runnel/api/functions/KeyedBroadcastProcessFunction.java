package io.runnel.api.functions;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;
import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReadOnlyBroadcastState;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;

/**
 * A function over a keyed stream connected to a broadcast stream ({@code keyed.connect(rules.broadcast(desc))}):
 * {@link #processBroadcastElement} sees every broadcast value on every parallel instance and may update the
 * broadcast state (and visit every key's state with {@link Context#applyToKeyedState}); {@link #processElement}
 * runs with the value's key as the current key, with keyed state and timers, and may only read the broadcast
 * state. The operator's watermark is the minimum of the two inputs' watermarks. Follows Flink's
 * {@code KeyedBroadcastProcessFunction}.
 *
 * <p><b>Threading:</b> task thread only; the methods are never called concurrently; the contexts and collector
 * are valid only during the call.
 *
 * @param <K> the key type of the keyed input
 * @param <IN1> the keyed input's type
 * @param <IN2> the broadcast input's type
 * @param <OUT> the output type
 */
@Public
public abstract class KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Processes one value of the keyed input, with its key as the current key.
     *
     * @throws Exception to fail the task
     */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /**
     * Processes one value of the broadcast input; there is no current key.
     *
     * @throws Exception to fail the task
     */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * Called when a timer registered through {@link ReadOnlyContext#timerService()} fires, with the timer's key as
     * the current key.
     *
     * @param timestamp the timer's time in ms
     * @param ctx what fired, the current key and read-only broadcast state; valid only during the call
     * @param out where to emit results; they carry {@code timestamp} as their event time for event-time timers
     * @throws Exception to fail the task
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    }

    /** What both sides may ask about the current value. */
    public abstract class BaseContext {

        /** @return the event timestamp of the current value in ms, or null if it has none */
        public abstract Long timestamp();

        /** @return the wall-clock time in ms since the epoch */
        public abstract long currentProcessingTime();

        /** @return the operator's watermark in ms: the minimum of the two inputs' watermarks */
        public abstract long currentWatermark();

        /**
         * Emits a value to the side output named by {@code tag}, with the current value's timestamp.
         *
         * @throws IllegalArgumentException if the tag is null
         */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }

    /** The broadcast side's context: read-write broadcast state and access to every key's state. */
    public abstract class Context extends BaseContext {

        /**
         * @return the broadcast state named by {@code descriptor}
         * @throws IllegalArgumentException if the descriptor was not given to {@code broadcast(...)}
         */
        public abstract <KB, VB> BroadcastState<KB, VB> getBroadcastState(MapStateDescriptor<KB, VB> descriptor);

        /**
         * Calls {@code function} once for every key of this parallel instance that has an entry of the keyed state
         * named by {@code descriptor}, with that key's state. The function may update or clear the state.
         *
         * @throws Exception from the function
         */
        public abstract <S extends State> void applyToKeyedState(StateDescriptor<?> descriptor,
                                                                 KeyedStateFunction<K, S> function) throws Exception;
    }

    /** The keyed side's context: the current key, timers and read-only broadcast state. */
    public abstract class ReadOnlyContext extends BaseContext {

        /**
         * @return the broadcast state named by {@code descriptor}, read-only
         * @throws IllegalArgumentException if the descriptor was not given to {@code broadcast(...)}
         */
        public abstract <KB, VB> ReadOnlyBroadcastState<KB, VB> getBroadcastState(
                MapStateDescriptor<KB, VB> descriptor);

        /** @return the key of the current value */
        public abstract K getCurrentKey();

        /** @return the timers and clocks of this operator, scoped to the current key */
        public abstract TimerService timerService();
    }

    /** The context of {@link #onTimer}: also says which clock fired. */
    public abstract class OnTimerContext extends ReadOnlyContext {

        /** @return the time domain of the firing timer */
        public abstract TimeDomain timeDomain();
    }
}
