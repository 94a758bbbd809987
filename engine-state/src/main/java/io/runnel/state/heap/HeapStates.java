package io.runnel.state.heap;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.MapState;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.StateAccessException;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.state.InternalAppendingState;
import io.runnel.state.InternalMergingState;
import io.runnel.state.ttl.TtlStateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The heap implementations of the five kinds of keyed state. Every in-place change of a state object (a list's
 * add, a map's put, a user function's change of its accumulator) works on an object from
 * {@link AbstractHeapState#getInternal()} or {@code removeInternal}, which is never one a live snapshot reads.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class HeapStates {

    private HeapStates() {
    }

    /**
     * @param ttl supplies the reduce and aggregate functions, which run over timestamped values if the state has
     *     TTL (the heap stores any object, so only the functions differ)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <K> AbstractHeapState<K, ?, ?> create(HeapKeyedStateBackend<K> backend, StateDescriptor<?> d,
                                                 TtlStateFactory ttl, HeapStateMeta meta) {
        switch (d.getKind()) {
            case VALUE: return new Value<>(backend, meta);
            case LIST: return new ListImpl<>(backend, meta);
            case MAP: return new MapImpl<>(backend, meta);
            case REDUCING:
                return new Reducing<>(backend, meta,
                        (ReduceFunction) ttl.reduceFunction((ReducingStateDescriptor) d));
            case AGGREGATING:
                return new Aggregating<>(backend, meta,
                        (AggregateFunction) ttl.aggregateFunction((AggregatingStateDescriptor) d));
            default: throw new IllegalArgumentException("unknown state kind " + d.getKind());
        }
    }

    static final class Value<K, V> extends AbstractHeapState<K, Object, V> implements ValueState<V> {
        Value(HeapKeyedStateBackend<K> backend, HeapStateMeta meta) {
            super(backend, meta);
        }

        @Override
        StateDescriptor.Kind kind() {
            return StateDescriptor.Kind.VALUE;
        }

        @Override
        public V value() {
            return getInternal();
        }

        @Override
        public void update(V value) {
            if (value == null) {
                clear();
            } else {
                putInternal(value);
            }
        }
    }

    static final class ListImpl<K, V> extends AbstractHeapState<K, Object, ArrayList<V>>
            implements ListState<V>, InternalMergingState<Object> {
        ListImpl(HeapKeyedStateBackend<K> backend, HeapStateMeta meta) {
            super(backend, meta);
        }

        @Override
        StateDescriptor.Kind kind() {
            return StateDescriptor.Kind.LIST;
        }

        @Override
        public Iterable<V> get() {
            ArrayList<V> list = getInternal();
            return list == null ? Collections.emptyList() : list;
        }

        @Override
        public void add(V value) {
            ArrayList<V> list = getInternal();
            if (list == null) {
                list = new ArrayList<>();
                putInternal(list);
            }
            list.add(value);
        }

        @Override
        public void update(List<V> values) {
            if (values == null || values.isEmpty()) {
                clear();
            } else {
                putInternal(new ArrayList<>(values));
            }
        }

        @Override
        public void addAll(List<V> values) {
            for (V v : values) {
                add(v);
            }
        }

        @Override
        public void mergeNamespaces(Object target, Collection<Object> sources) {
            mergeInto(target, sources, (a, b) -> {
                a.addAll(b);
                return a;
            });
        }
    }

    static final class MapImpl<K, UK, UV> extends AbstractHeapState<K, Object, HashMap<UK, UV>>
            implements MapState<UK, UV> {
        MapImpl(HeapKeyedStateBackend<K> backend, HeapStateMeta meta) {
            super(backend, meta);
        }

        @Override
        StateDescriptor.Kind kind() {
            return StateDescriptor.Kind.MAP;
        }

        private HashMap<UK, UV> mapOrNull() {
            return getInternal();
        }

        private HashMap<UK, UV> mapForWrite() {
            HashMap<UK, UV> m = getInternal();
            if (m == null) {
                m = new HashMap<>();
                putInternal(m);
            }
            return m;
        }

        @Override
        public UV get(UK key) {
            HashMap<UK, UV> m = mapOrNull();
            return m == null ? null : m.get(key);
        }

        @Override
        public void put(UK key, UV value) {
            mapForWrite().put(key, value);
        }

        @Override
        public void putAll(Map<UK, UV> map) {
            if (map.isEmpty()) {
                // An empty map must not create an entry: getKeys would report the key (remove() clears for this).
                return;
            }
            mapForWrite().putAll(map);
        }

        @Override
        public void remove(UK key) {
            HashMap<UK, UV> m = mapOrNull();
            if (m != null) {
                m.remove(key);
                if (m.isEmpty()) {
                    clear();
                }
            }
        }

        @Override
        public boolean contains(UK key) {
            HashMap<UK, UV> m = mapOrNull();
            return m != null && m.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<UK, UV>> entries() {
            return iterable(Function.identity());
        }

        @Override
        public Iterable<UK> keys() {
            return iterable(Map.Entry::getKey);
        }

        @Override
        public Iterable<UV> values() {
            return iterable(Map.Entry::getValue);
        }

        /**
         * Iterates the current (key, namespace)'s map, as fixed now. An iterator's {@code remove()} that empties the
         * map also removes the entry from the table, as {@link #remove} does, so that getKeys and numEntries do not
         * count an empty map (the TTL layer removes expired map entries this way).
         */
        private <R> Iterable<R> iterable(Function<Map.Entry<UK, UV>, R> mapper) {
            HashMap<UK, UV> m = mapOrNull();
            if (m == null) {
                return Collections.emptyList();
            }
            K key = backend.getCurrentKey();
            int keyGroup = backend.getCurrentKeyGroup();
            Object namespace = currentNamespace();
            return () -> new Iterator<R>() {
                private final Iterator<Map.Entry<UK, UV>> it = m.entrySet().iterator();

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public R next() {
                    return mapper.apply(it.next());
                }

                @Override
                public void remove() {
                    it.remove();
                    if (m.isEmpty()) {
                        removeIfHolds(key, keyGroup, namespace, m);
                    }
                }
            };
        }

        @Override
        public boolean isEmpty() {
            HashMap<UK, UV> m = mapOrNull();
            return m == null || m.isEmpty();
        }
    }

    static final class Reducing<K, V> extends AbstractHeapState<K, Object, V>
            implements ReducingState<V>, InternalAppendingState<Object, V> {
        private final ReduceFunction<V> reducer;

        Reducing(HeapKeyedStateBackend<K> backend, HeapStateMeta meta, ReduceFunction<V> reducer) {
            super(backend, meta);
            this.reducer = reducer;
        }

        @Override
        StateDescriptor.Kind kind() {
            return StateDescriptor.Kind.REDUCING;
        }

        @Override
        public V get() {
            return getInternal();
        }

        @Override
        public void updateInternal(V value) {
            if (value == null) {
                clear();
            } else {
                putInternal(value);
            }
        }

        @Override
        public void add(V value) {
            V current = getInternal();
            try {
                putInternal(current == null ? value : reducer.reduce(current, value));
            } catch (Exception e) {
                throw new StateAccessException("The ReduceFunction of a ReducingState failed", e);
            }
        }

        @Override
        public void mergeNamespaces(Object target, Collection<Object> sources) {
            mergeInto(target, sources, (a, b) -> {
                try {
                    return reducer.reduce(a, b);
                } catch (Exception e) {
                    throw new StateAccessException("The ReduceFunction of a ReducingState failed", e);
                }
            });
        }
    }

    static final class Aggregating<K, IN, ACC, OUT> extends AbstractHeapState<K, Object, ACC>
            implements AggregatingState<IN, OUT>, InternalAppendingState<Object, ACC> {
        private final AggregateFunction<IN, ACC, OUT> function;

        Aggregating(HeapKeyedStateBackend<K> backend, HeapStateMeta meta, AggregateFunction<IN, ACC, OUT> function) {
            super(backend, meta);
            this.function = function;
        }

        @Override
        StateDescriptor.Kind kind() {
            return StateDescriptor.Kind.AGGREGATING;
        }

        @Override
        public OUT get() {
            ACC acc = getInternal();
            return acc == null ? null : function.getResult(acc);
        }

        @Override
        public void updateInternal(ACC accumulator) {
            if (accumulator == null) {
                clear();
            } else {
                putInternal(accumulator);
            }
        }

        @Override
        public void add(IN value) {
            ACC acc = getInternal();
            putInternal(function.add(value, acc == null ? function.createAccumulator() : acc));
        }

        @Override
        public void mergeNamespaces(Object target, Collection<Object> sources) {
            mergeInto(target, sources, function::merge);
        }
    }
}
