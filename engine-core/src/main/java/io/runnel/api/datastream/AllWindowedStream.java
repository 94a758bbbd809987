package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.KeyedStateStore;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.WindowAssigner;
import io.runnel.api.windowing.evictors.Evictor;
import io.runnel.api.windowing.functions.ProcessAllWindowFunction;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.windows.Window;
import java.time.Duration;

/**
 * A whole (non-keyed) stream cut into windows, from {@link DataStream#windowAll}. All elements meet in one place,
 * so the window operator runs with parallelism 1: it is a keyed window over a single constant key, as in Flink.
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
@Public
public class AllWindowedStream<T, W extends Window> {

    /** The single key of all elements. */
    private static final class NullKey<T> implements KeySelector<T, Byte> {
        private static final long serialVersionUID = 1L;

        @Override
        public Byte getKey(T value) {
            return 0;
        }
    }

    private final WindowedStream<T, Byte, W> windowed;

    AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
        this.windowed = input.keyBy(new NullKey<T>()).window(assigner);
    }

    /** Replaces the assigner's default trigger. */
    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windowed.trigger(trigger);
        return this;
    }

    /** Sets an evictor. */
    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        windowed.evictor(evictor);
        return this;
    }

    /** See {@link WindowedStream#allowedLateness}. */
    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return this;
    }

    /** Sends elements that arrive after their windows are gone to the side output {@code tag}. */
    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> tag) {
        windowed.sideOutputLateData(tag);
        return this;
    }

    /** @return per fired window, the reduction of its elements */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return windowed.reduce(reducer).setParallelism(1);
    }

    /** @return per fired window, what {@code function} makes of the reduction of its elements */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer,
                                                    ProcessAllWindowFunction<T, R, W> function) {
        return windowed.reduce(reducer, new Keyless<>(function)).returns(outputOf(function)).setParallelism(1);
    }

    /** @return per fired window, the aggregate of its elements */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregator) {
        return windowed.aggregate(aggregator).setParallelism(1);
    }

    /** @return per fired window, what {@code function} makes of the aggregate of its elements */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregator,
                                                             ProcessAllWindowFunction<V, R, W> function) {
        return windowed.aggregate(aggregator, new Keyless<>(function)).returns(outputOf(function)).setParallelism(1);
    }

    /** @return per fired window, what {@code function} makes of all its elements */
    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return windowed.process(new Keyless<>(function)).returns(outputOf(function)).setParallelism(1);
    }

    private static <R> TypeInformation<R> outputOf(ProcessAllWindowFunction<?, R, ?> f) {
        return TypeExtractor.outputType(f, ProcessAllWindowFunction.class, 1, false);
    }

    /** Runs a {@link ProcessAllWindowFunction} as the window function of the single key. */
    private static final class Keyless<IN, OUT, W extends Window> extends ProcessWindowFunction<IN, OUT, Byte, W> {
        private static final long serialVersionUID = 1L;
        private final ProcessAllWindowFunction<IN, OUT, W> function;
        /** Owner: task thread. The context handed to the wrapped function, over the current keyed context. */
        private transient Ctx allContext;

        Keyless(ProcessAllWindowFunction<IN, OUT, W> function) {
            this.function = function;
        }

        @Override
        public void setRuntimeContext(RuntimeContext context) {
            super.setRuntimeContext(context);
            function.setRuntimeContext(context);
        }

        @Override
        public void open() throws Exception {
            function.open();
        }

        @Override
        public void close() throws Exception {
            function.close();
        }

        @Override
        public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
            function.process(contextFor(context), elements, out);
        }

        @Override
        public void clear(Context context) throws Exception {
            function.clear(contextFor(context));
        }

        private Ctx contextFor(Context keyed) {
            if (allContext == null) {
                allContext = new Ctx(function);
            }
            allContext.keyed = keyed;
            return allContext;
        }

        private final class Ctx extends ProcessAllWindowFunction<IN, OUT, W>.Context {
            private Context keyed;

            Ctx(ProcessAllWindowFunction<IN, OUT, W> f) {
                f.super();
            }

            @Override
            public W window() {
                return keyed.window();
            }

            @Override
            public long currentProcessingTime() {
                return keyed.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return keyed.currentWatermark();
            }

            @Override
            public KeyedStateStore windowState() {
                return keyed.windowState();
            }

            @Override
            public KeyedStateStore globalState() {
                return keyed.globalState();
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                keyed.output(tag, value);
            }
        }
    }
}
