package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Function;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.MergingWindowAssigner;
import io.runnel.api.windowing.assigners.WindowAssigner;
import io.runnel.api.windowing.evictors.Evictor;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.windows.Window;
import io.runnel.graph.OperatorSpec;
import java.time.Duration;

/**
 * A keyed stream cut into windows, from {@link KeyedStream#window}: configure the trigger, evictor, allowed
 * lateness and late-data side output, then give the window function. Follows Flink's {@code WindowedStream}.
 * <pre>{@code
 * flights.keyBy(Flight::origin)
 *        .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
 *        .aggregate(new DelayStats(), new WithWindowStart());
 * }</pre>
 * Results carry the window's {@code maxTimestamp()} as their event time. Sliding windows with the default trigger
 * and no evictor keep one slice (pane) of state per slide, so each element costs one state update however many
 * windows it falls into.
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <T> the element type
 * @param <K> the key type
 * @param <W> the window type
 */
@Public
public class WindowedStream<T, K, W extends Window> {

    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLatenessMillis;
    private OutputTag<T> lateDataTag;

    WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
        this.input = input;
        this.assigner = assigner;
        this.trigger = assigner.getDefaultTrigger();
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> newTrigger) {
        if (assigner instanceof MergingWindowAssigner<?, ?>
                && !newTrigger.canMerge()) {
            throw new IllegalArgumentException("A merging window assigner (sessions) needs a trigger that can merge; "
                    + newTrigger.getClass().getSimpleName() + " cannot");
        }
        this.trigger = newTrigger;
        return this;
    }

    /** Sets an evictor; the window then keeps all its elements, even with a reduce or aggregate function. */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> newEvictor) {
        this.evictor = newEvictor;
        return this;
    }

    /**
     * Keeps each event-time window, and accepts elements into it, until the watermark passes its end plus
     * {@code lateness}; a late element fires the window again (with the default trigger). Default 0.
     *
     * @throws IllegalArgumentException if negative
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("allowedLateness must not be negative: " + lateness);
        }
        this.allowedLatenessMillis = lateness.toMillis();
        return this;
    }

    /** Sends elements that arrive after their windows are gone to the side output {@code tag}. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
        this.lateDataTag = tag;
        return this;
    }

    /** @return per fired window, the reduction of its elements */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return build("Window(Reduce)", reducer, null, input.getType());
    }

    /** @return per fired window, what {@code function} makes of the reduction of its elements */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer,
                                                    ProcessWindowFunction<T, R, K, W> function) {
        return build("Window(Reduce)", reducer, function, outputOf(function));
    }

    /** @return per fired window, the aggregate of its elements */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregator) {
        return build("Window(Aggregate)", aggregator, null,
                TypeExtractor.outputType(aggregator, AggregateFunction.class, 2, false));
    }

    /** @return per fired window, what {@code function} makes of the aggregate of its elements */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregator,
                                                             ProcessWindowFunction<V, R, K, W> function) {
        return build("Window(Aggregate)", aggregator, function, outputOf(function));
    }

    /** @return per fired window, what {@code function} makes of all its elements */
    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return build("Window(Process)", null, function, outputOf(function));
    }

    private static <R> TypeInformation<R> outputOf(ProcessWindowFunction<?, R, ?, ?> function) {
        return TypeExtractor.outputType(function, ProcessWindowFunction.class, 1, false);
    }

    private <R> SingleOutputStreamOperator<R> build(String name, Function incremental,
                                                    ProcessWindowFunction<?, R, K, W> function,
                                                    TypeInformation<R> type) {
        OperatorSpec.WindowSpec spec = new OperatorSpec.WindowSpec(assigner, trigger, evictor, allowedLatenessMillis,
                lateDataTag, input.getKeySelector(), input.getKeyType(), input.getType(), incremental, function,
                name);
        return input.transform(name, spec, type);
    }
}
