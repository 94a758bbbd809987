package io.runnel.runtime.operators.windowing;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.Collector;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.KeyedStateStore;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.evictors.Evictor;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.windows.Window;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.timers.InternalTimerServiceImpl;
import io.runnel.state.InternalKvState;
import io.runnel.state.KeyedStateBackend;
import io.runnel.streamrecord.StreamRecord;
import java.util.Collections;

/**
 * Turns a fired window's contents into output: directly (a reduction or aggregate result) or through the user's
 * {@link ProcessWindowFunction}, whose context this also provides. Results carry the window's
 * {@code maxTimestamp()} as their event time.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <OUT> output type
 * @param <W> window type
 */
final class WindowEmitter<K, OUT, W extends Window> implements WindowContents.Emitter, Evictor.EvictorContext {

    private final Output<OUT> output;
    private final ProcessWindowFunction<Object, OUT, K, W> function;
    private final KeyedStateBackend<K> backend;
    private final TypeSerializer<W> windowSerializer;
    private final KeyedStateStore globalState;
    private final StreamRecord<OUT> reuse = new StreamRecord<>(null);
    private final Collector<OUT> collector = this::collect;
    private final Ctx context;
    private final WindowStateStore windowState = new WindowStateStore();
    /** Set in open; owner: task thread. */
    private InternalTimerServiceImpl<K, W> timers;
    private W window;

    WindowEmitter(Output<OUT> output, ProcessWindowFunction<Object, OUT, K, W> function, KeyedStateBackend<K> backend,
                  TypeSerializer<W> windowSerializer, KeyedStateStore globalState) {
        this.output = output;
        this.function = function;
        this.backend = backend;
        this.windowSerializer = windowSerializer;
        this.globalState = globalState;
        this.context = function == null ? null : new Ctx(function);
    }

    void setTimers(InternalTimerServiceImpl<K, W> timerService) {
        this.timers = timerService;
    }

    void setWindow(W current) {
        this.window = current;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void emit(Object contents, boolean iterable) throws Exception {
        if (function == null) {
            collectOrThrow((OUT) contents);
            return;
        }
        Iterable<Object> elements = iterable ? (Iterable<Object>) contents : Collections.singletonList(contents);
        try {
            function.process(backend.getCurrentKey(), context, elements, collector);
        } catch (DownstreamException e) {
            throw (Exception) e.getCause();
        }
    }

    /** Lets the window function clear its per-window state for a discarded window. */
    void clearWindowState(W discarded) throws Exception {
        if (function != null) {
            window = discarded;
            function.clear(context);
        }
    }

    private void collect(OUT value) {
        try {
            collectOrThrow(value);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DownstreamException(e);
        }
    }

    private void collectOrThrow(OUT value) throws Exception {
        reuse.replace(value, window.maxTimestamp());
        output.collect(reuse);
    }

    @Override
    public long getCurrentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long getCurrentWatermark() {
        return timers.currentWatermark();
    }

    /** Carries a checked exception of a downstream operator through {@link Collector#collect}. */
    private static final class DownstreamException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DownstreamException(Exception cause) {
            super(cause);
        }
    }

    private final class Ctx extends ProcessWindowFunction<Object, OUT, K, W>.Context {
        Ctx(ProcessWindowFunction<Object, OUT, K, W> f) {
            f.super();
        }

        @Override
        public W window() {
            return window;
        }

        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public KeyedStateStore windowState() {
            return windowState;
        }

        @Override
        public KeyedStateStore globalState() {
            return globalState;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            if (tag == null) {
                throw new IllegalArgumentException("the OutputTag of a side output must not be null");
            }
            try {
                output.collect(tag, new StreamRecord<>(value, window.maxTimestamp()));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new DownstreamException(e);
            }
        }
    }

    /** State scoped to the current key and the window being processed. */
    private final class WindowStateStore implements KeyedStateStore {
        @SuppressWarnings("unchecked")
        private <S extends State> S scoped(StateDescriptor<?> descriptor) {
            S state = backend.getOrCreateKeyedState(windowSerializer, descriptor);
            ((InternalKvState<W>) state).setCurrentNamespace(window);
            return state;
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
            return scoped(descriptor);
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
            return scoped(descriptor);
        }

        @Override
        public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
            return scoped(descriptor);
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
            return scoped(descriptor);
        }

        @Override
        public <IN, ACC, OUT2> AggregatingState<IN, OUT2> getAggregatingState(
                AggregatingStateDescriptor<IN, ACC, OUT2> descriptor) {
            return scoped(descriptor);
        }
    }
}
