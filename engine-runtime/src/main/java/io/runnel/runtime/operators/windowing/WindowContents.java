package io.runnel.runtime.operators.windowing;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Function;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.evictors.Evictor;
import io.runnel.api.windowing.evictors.TimestampedValue;
import io.runnel.api.windowing.windows.Window;
import io.runnel.state.InternalMergingState;
import io.runnel.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a window keeps of its elements, in keyed state whose namespace is the window: their reduction, their
 * aggregate, the elements themselves, or (with an evictor) the elements with timestamps, reduced or aggregated
 * only when the window fires.
 *
 * <p><b>Threading:</b> task thread only; calls refer to the backend's current key and the namespace last set.
 *
 * @param <IN> the element type
 * @param <W> the window type
 */
abstract class WindowContents<IN, W extends Window> {

    static final String STATE_NAME = "window-contents";

    /** Receives the contents of a firing window: a value, or an {@code Iterable} of them for list contents. */
    @FunctionalInterface
    interface Emitter {
        void emit(Object contents, boolean iterable) throws Exception;
    }

    /** @return the state, for namespace setting and merging */
    abstract InternalMergingState<W> state();

    /** Selects the window whose contents later calls refer to. */
    final void setWindow(W window) {
        state().setCurrentNamespace(window);
    }

    /** Adds an element with its timestamp (ms, or Long.MIN_VALUE if none). */
    abstract void add(IN value, long timestamp) throws Exception;

    /** Hands the window's contents to {@code emitter}, unless the window is empty. */
    abstract void fire(W window, Evictor.EvictorContext evictorContext, Emitter emitter) throws Exception;

    /** Discards the window's contents. */
    final void clear() {
        state().clear();
    }

    /**
     * @param incremental a ReduceFunction, an AggregateFunction, or null to keep the elements
     * @param evictor null, or an evictor, which makes the contents keep all elements
     * @return the contents for the operator's configuration, with its state registered on {@code backend}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <IN, W extends Window> WindowContents<IN, W> create(KeyedStateBackend<?> backend,
                                                              TypeSerializer<W> windowSerializer,
                                                              TypeInformation<IN> inputType, Function incremental,
                                                              Evictor<?, ?> evictor) {
        if (evictor != null) {
            ListStateDescriptor<TimestampedValue<IN>> d = new ListStateDescriptor<>(STATE_NAME,
                    (TypeInformation) TypeInformation.of(TimestampedValue.class));
            return new Evicting<>(register(backend, windowSerializer, d), incremental, (Evictor) evictor);
        }
        if (incremental instanceof ReduceFunction<?> reducer) {
            ReducingStateDescriptor<IN> d = new ReducingStateDescriptor<>(STATE_NAME, (ReduceFunction<IN>) reducer,
                    inputType);
            return new Single<>(register(backend, windowSerializer, d), s -> ((ReducingState<IN>) s).get(),
                    (s, v) -> ((ReducingState<IN>) s).add(v));
        }
        if (incremental instanceof AggregateFunction<?, ?, ?> aggregator) {
            AggregatingStateDescriptor d = new AggregatingStateDescriptor(STATE_NAME, aggregator,
                    TypeExtractor.outputType(aggregator, AggregateFunction.class, 1, false));
            return new Single<>(register(backend, windowSerializer, d), s -> ((AggregatingState<IN, ?>) s).get(),
                    (s, v) -> ((AggregatingState<IN, ?>) s).add(v));
        }
        ListStateDescriptor<IN> d = new ListStateDescriptor<>(STATE_NAME, inputType);
        return new Listed<>(register(backend, windowSerializer, d));
    }

    @SuppressWarnings("unchecked")
    private static <W> InternalMergingState<W> register(KeyedStateBackend<?> backend, TypeSerializer<W> serializer,
                                                       StateDescriptor<?> descriptor) {
        return (InternalMergingState<W>) backend.getOrCreateKeyedState(serializer, descriptor);
    }

    /** A reduction or aggregate: one value per window. */
    private static final class Single<IN, W extends Window> extends WindowContents<IN, W> {
        interface Getter {
            Object get(Object state) throws Exception;
        }

        interface Adder<IN> {
            void add(Object state, IN value) throws Exception;
        }

        private final InternalMergingState<W> state;
        private final Getter getter;
        private final Adder<IN> adder;

        Single(InternalMergingState<W> state, Getter getter, Adder<IN> adder) {
            this.state = state;
            this.getter = getter;
            this.adder = adder;
        }

        @Override
        InternalMergingState<W> state() {
            return state;
        }

        @Override
        void add(IN value, long timestamp) throws Exception {
            adder.add(state, value);
        }

        @Override
        void fire(W window, Evictor.EvictorContext evictorContext, Emitter emitter) throws Exception {
            Object result = getter.get(state);
            if (result != null) {
                emitter.emit(result, false);
            }
        }
    }

    /** All elements, for a window function that sees them all. */
    private static final class Listed<IN, W extends Window> extends WindowContents<IN, W> {
        private final InternalMergingState<W> state;

        Listed(InternalMergingState<W> state) {
            this.state = state;
        }

        @Override
        InternalMergingState<W> state() {
            return state;
        }

        @Override
        @SuppressWarnings("unchecked")
        void add(IN value, long timestamp) {
            ((ListState<IN>) state).add(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        void fire(W window, Evictor.EvictorContext evictorContext, Emitter emitter) throws Exception {
            Iterable<IN> elements = ((ListState<IN>) state).get();
            if (elements.iterator().hasNext()) {
                emitter.emit(elements, true);
            }
        }
    }

    /** All elements with timestamps; the evictor runs before and after the function (Flink's evicting operator). */
    private static final class Evicting<IN, W extends Window> extends WindowContents<IN, W> {
        private final InternalMergingState<W> state;
        private final Function incremental;
        private final Evictor<IN, W> evictor;

        Evicting(InternalMergingState<W> state, Function incremental, Evictor<IN, W> evictor) {
            this.state = state;
            this.incremental = incremental;
            this.evictor = evictor;
        }

        @Override
        InternalMergingState<W> state() {
            return state;
        }

        @SuppressWarnings("unchecked")
        private ListState<TimestampedValue<IN>> list() {
            return (ListState<TimestampedValue<IN>>) state;
        }

        @Override
        void add(IN value, long timestamp) {
            list().add(timestamp == Long.MIN_VALUE ? TimestampedValue.withoutTimestamp(value)
                    : TimestampedValue.of(value, timestamp));
        }

        @Override
        void fire(W window, Evictor.EvictorContext evictorContext, Emitter emitter) throws Exception {
            List<TimestampedValue<IN>> elements = new ArrayList<>();
            list().get().forEach(elements::add);
            if (elements.isEmpty()) {
                return;
            }
            evictor.evictBefore(elements, elements.size(), window, evictorContext);
            List<IN> values = new ArrayList<>(elements.size());
            for (TimestampedValue<IN> e : elements) {
                values.add(e.value());
            }
            Object result = combine(values);
            if (result != null) {
                emitter.emit(result, result instanceof Iterable<?> && incremental == null);
            }
            evictor.evictAfter(elements, elements.size(), window, evictorContext);
            list().update(elements);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object combine(List<IN> values) throws Exception {
            if (values.isEmpty()) {
                return null;
            }
            if (incremental instanceof ReduceFunction reducer) {
                Object acc = values.get(0);
                for (int i = 1; i < values.size(); i++) {
                    acc = reducer.reduce(acc, values.get(i));
                }
                return acc;
            }
            if (incremental instanceof AggregateFunction aggregator) {
                Object acc = aggregator.createAccumulator();
                for (IN v : values) {
                    acc = aggregator.add(v, acc);
                }
                return aggregator.getResult(acc);
            }
            return Collections.unmodifiableList(values);
        }
    }
}
