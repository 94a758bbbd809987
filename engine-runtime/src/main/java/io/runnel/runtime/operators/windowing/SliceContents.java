package io.runnel.runtime.operators.windowing;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Function;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.State;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.windows.TimeWindow;
import io.runnel.state.InternalAppendingState;
import io.runnel.state.InternalKvState;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.NamespaceDrainableState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a slice (pane) of sliding windows keeps, in keyed state whose namespace is the slice, and how slices
 * combine into a window's contents without being modified: reductions are reduced again, aggregate accumulators
 * merged into a copy, element lists concatenated.
 *
 * <p><b>Threading:</b> task thread only; calls refer to the backend's current key and the slice last set.
 *
 * @param <IN> the element type
 */
abstract class SliceContents<IN> {

    static final String STATE_NAME = "window-slices";

    /** Selects the slice that {@link #add} and {@link #isEmpty} refer to. */
    abstract void setSlice(TimeWindow slice);

    /**
     * Adds an element to the current slice.
     *
     * @return true if the slice may have been empty before (then its window timer must be registered); false only
     *     when it certainly had content
     * @throws Exception from the user's function
     */
    abstract boolean add(IN value) throws Exception;

    /** @return true if the current slice has nothing */
    abstract boolean isEmpty() throws Exception;

    /** Discards the current slice. */
    abstract void clear();

    /**
     * @param slices the slices of a window, in time order
     * @return the window's contents: a value, an {@code Iterable} of elements (see {@link #isIterable()}), or null
     * @throws Exception from the user's function
     */
    abstract Object combine(List<TimeWindow> slices) throws Exception;

    /**
     * @return the slices' state if its entries of one slice can be drained in one pass (see
     *     {@link NamespaceDrainableState}), or null if it cannot
     */
    abstract NamespaceDrainableState<Object, TimeWindow> drainable();

    /**
     * @param drained what a drain of one slice gave for a key (see {@link NamespaceDrainableState#drainNamespaces})
     * @return the contents of a window made of that one slice, as {@link #combine} gives them; null for none
     * @throws Exception from the user's function
     */
    abstract Object windowContentsOf(Object drained) throws Exception;

    /** @return true if {@link #combine} returns an {@code Iterable} of elements */
    boolean isIterable() {
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <IN> SliceContents<IN> create(KeyedStateBackend<?> backend, TypeInformation<IN> inputType,
                                        Function incremental) {
        if (incremental instanceof ReduceFunction<?> reducer) {
            return new Reduced<>(register(backend,
                    new ReducingStateDescriptor<>(STATE_NAME, (ReduceFunction<IN>) reducer, inputType)),
                    (ReduceFunction<IN>) reducer);
        }
        if (incremental instanceof AggregateFunction<?, ?, ?> aggregator) {
            TypeInformation accType = TypeExtractor.outputType(aggregator, AggregateFunction.class, 1, false);
            return new Aggregated<>(register(backend, new ValueStateDescriptor<>(STATE_NAME, accType)),
                    (AggregateFunction) aggregator, accType.createSerializer());
        }
        return new Listed<>(register(backend, new ListStateDescriptor<>(STATE_NAME, inputType)));
    }

    private static <S extends State> S register(KeyedStateBackend<?> backend,
                                                io.runnel.api.state.StateDescriptor<?> descriptor) {
        return backend.getOrCreateKeyedState(TimeWindow.Serializer.INSTANCE, descriptor);
    }

    @SuppressWarnings("unchecked")
    static NamespaceDrainableState<Object, TimeWindow> drainableOf(State state) {
        return state instanceof NamespaceDrainableState<?, ?> d ? (NamespaceDrainableState<Object, TimeWindow>) d : null;
    }

    @SuppressWarnings("unchecked")
    static void setNamespace(State state, TimeWindow slice) {
        ((InternalKvState<TimeWindow>) state).setCurrentNamespace(slice);
    }

    /** One reduction per slice. */
    private static final class Reduced<IN> extends SliceContents<IN> {
        private final ReducingState<IN> state;
        private final ReduceFunction<IN> reducer;

        Reduced(ReducingState<IN> state, ReduceFunction<IN> reducer) {
            this.state = state;
            this.reducer = reducer;
        }

        @Override
        void setSlice(TimeWindow slice) {
            setNamespace(state, slice);
        }

        @Override
        @SuppressWarnings("unchecked")
        boolean add(IN value) throws Exception {
            if (state instanceof InternalAppendingState<?, ?> raw) {
                // One read and one write, and the read tells whether the slice is new.
                InternalAppendingState<TimeWindow, IN> internal = (InternalAppendingState<TimeWindow, IN>) raw;
                IN current = internal.getInternal();
                internal.updateInternal(current == null ? value : reducer.reduce(current, value));
                return current == null;
            }
            state.add(value);
            return true;
        }

        @Override
        boolean isEmpty() {
            return state.get() == null;
        }

        @Override
        NamespaceDrainableState<Object, TimeWindow> drainable() {
            return drainableOf(state);
        }

        @Override
        Object windowContentsOf(Object drained) {
            return drained;
        }

        @Override
        void clear() {
            state.clear();
        }

        @Override
        Object combine(List<TimeWindow> slices) throws Exception {
            IN result = null;
            for (TimeWindow slice : slices) {
                setSlice(slice);
                IN part = state.get();
                if (part != null) {
                    result = result == null ? part : reducer.reduce(result, part);
                }
            }
            return result;
        }
    }

    /** One accumulator per slice, kept in value state so that it can be read as an accumulator. */
    private static final class Aggregated<IN, ACC> extends SliceContents<IN> {
        private final ValueState<ACC> state;
        private final AggregateFunction<IN, ACC, ?> function;
        private final TypeSerializer<ACC> accSerializer;
        private final DataOutputSerializer copyOut = new DataOutputSerializer(64);

        Aggregated(ValueState<ACC> state, AggregateFunction<IN, ACC, ?> function, TypeSerializer<ACC> accSerializer) {
            this.state = state;
            this.function = function;
            this.accSerializer = accSerializer;
        }

        @Override
        void setSlice(TimeWindow slice) {
            setNamespace(state, slice);
        }

        @Override
        boolean add(IN value) {
            ACC acc = state.value();
            state.update(function.add(value, acc == null ? function.createAccumulator() : acc));
            return acc == null;
        }

        @Override
        boolean isEmpty() {
            return state.value() == null;
        }

        @Override
        NamespaceDrainableState<Object, TimeWindow> drainable() {
            return drainableOf(state);
        }

        @Override
        @SuppressWarnings("unchecked")
        Object windowContentsOf(Object drained) {
            return drained == null ? null : function.getResult((ACC) drained);
        }

        @Override
        void clear() {
            state.clear();
        }

        @Override
        Object combine(List<TimeWindow> slices) throws IOException {
            ACC first = null;
            ACC merged = null;
            for (TimeWindow slice : slices) {
                setSlice(slice);
                ACC part = state.value();
                if (part == null) {
                    continue;
                }
                if (first == null) {
                    first = part;
                } else {
                    // Merge into a copy: the user's merge may modify its first argument, and the slice's
                    // accumulator is still needed by the windows that follow. A window of one slice (tumbling
                    // windows) needs no copy.
                    merged = function.merge(merged == null ? copy(first) : merged, part);
                }
            }
            ACC result = merged != null ? merged : first;
            return result == null ? null : function.getResult(result);
        }

        private ACC copy(ACC acc) throws IOException {
            copyOut.clear();
            accSerializer.serialize(acc, copyOut);
            return accSerializer.deserialize(new DataInputDeserializer(copyOut.toByteArray()));
        }
    }

    /** The elements of each slice. */
    private static final class Listed<IN> extends SliceContents<IN> {
        private final ListState<IN> state;

        Listed(ListState<IN> state) {
            this.state = state;
        }

        @Override
        void setSlice(TimeWindow slice) {
            setNamespace(state, slice);
        }

        @Override
        boolean add(IN value) {
            // Appending does not read the list, so whether it was empty is unknown: the caller registers the
            // (deduplicated) timer every time.
            state.add(value);
            return true;
        }

        @Override
        boolean isEmpty() {
            return !state.get().iterator().hasNext();
        }

        @Override
        NamespaceDrainableState<Object, TimeWindow> drainable() {
            return drainableOf(state);
        }

        @Override
        Object windowContentsOf(Object drained) {
            return drained == null || ((List<?>) drained).isEmpty() ? null : drained;
        }

        @Override
        void clear() {
            state.clear();
        }

        @Override
        Object combine(List<TimeWindow> slices) {
            List<IN> all = new ArrayList<>();
            for (TimeWindow slice : slices) {
                setSlice(slice);
                state.get().forEach(all::add);
            }
            return all.isEmpty() ? null : all;
        }

        @Override
        boolean isIterable() {
            return true;
        }
    }
}
