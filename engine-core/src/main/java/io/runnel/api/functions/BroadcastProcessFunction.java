package io.runnel.api.functions;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;
import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReadOnlyBroadcastState;

/**
 * A function over a non-keyed stream connected to a broadcast stream ({@code a.connect(rules.broadcast(desc))}):
 * {@link #processBroadcastElement} sees every broadcast value on every parallel instance and may update the
 * broadcast state; {@link #processElement} sees this instance's share of the other stream and may only read it.
 * There is no order between the two inputs: a value may be processed before a broadcast value that was produced
 * earlier. Follows Flink's {@code BroadcastProcessFunction}.
 *
 * <p><b>Threading:</b> task thread only; the two methods are never called concurrently; the contexts and
 * collector are valid only during the call.
 *
 * @param <IN1> the non-broadcast input's type
 * @param <IN2> the broadcast input's type
 * @param <OUT> the output type
 */
@Public
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Processes one value of the non-broadcast input.
     *
     * @throws Exception to fail the task
     */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /**
     * Processes one value of the broadcast input.
     *
     * @throws Exception to fail the task
     */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

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

    /** The broadcast side's context: read-write broadcast state. */
    public abstract class Context extends BaseContext {

        /**
         * @return the broadcast state named by {@code descriptor}
         * @throws IllegalArgumentException if the descriptor was not given to {@code broadcast(...)}
         */
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
    }

    /** The non-broadcast side's context: read-only broadcast state. */
    public abstract class ReadOnlyContext extends BaseContext {

        /**
         * @return the broadcast state named by {@code descriptor}, read-only
         * @throws IllegalArgumentException if the descriptor was not given to {@code broadcast(...)}
         */
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
    }
}
