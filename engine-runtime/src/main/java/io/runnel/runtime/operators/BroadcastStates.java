package io.runnel.runtime.operators;

import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReadOnlyBroadcastState;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states of one parallel instance of a broadcast-connected operator: one heap map per descriptor
 * the job gave to {@code broadcast(...)}, with a read-write view for the broadcast side and a read-only view for
 * the other side. There is no checkpointing yet, so the maps live only as long as the task. After Flink's
 * {@code BroadcastState}.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class BroadcastStates {

    private final Map<String, MapBroadcastState<Object, Object>> states = new HashMap<>();

    /** @param descriptors the descriptors of the states to create */
    BroadcastStates(List<MapStateDescriptor<?, ?>> descriptors) {
        for (MapStateDescriptor<?, ?> d : descriptors) {
            states.put(d.getName(), new MapBroadcastState<>());
        }
    }

    /**
     * @return the read-write state named by {@code descriptor}
     * @throws IllegalArgumentException if no such descriptor was given to {@code broadcast(...)}
     */
    @SuppressWarnings("unchecked")
    <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
        MapBroadcastState<Object, Object> state = states.get(descriptor.getName());
        if (state == null) {
            throw new IllegalArgumentException("No broadcast state '" + descriptor.getName() + "': pass its "
                    + "descriptor to broadcast(...); known: " + states.keySet());
        }
        return (BroadcastState<K, V>) (BroadcastState<?, ?>) state;
    }

    /**
     * @return a read-only view of the state named by {@code descriptor}
     * @throws IllegalArgumentException if no such descriptor was given to {@code broadcast(...)}
     */
    <K, V> ReadOnlyBroadcastState<K, V> getReadOnly(MapStateDescriptor<K, V> descriptor) {
        return new ReadOnlyView<>(get(descriptor));
    }

    /** A broadcast state backed by a {@link HashMap}. */
    private static final class MapBroadcastState<K, V> implements BroadcastState<K, V> {
        private final Map<K, V> map = new HashMap<>();

        @Override
        public V get(K key) {
            return map.get(key);
        }

        @Override
        public boolean contains(K key) {
            return map.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() {
            return Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public void put(K key, V value) {
            map.put(key, value);
        }

        @Override
        public void putAll(Map<K, V> entries) {
            map.putAll(entries);
        }

        @Override
        public void remove(K key) {
            map.remove(key);
        }

        @Override
        public void clear() {
            map.clear();
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            return map.entrySet();
        }
    }

    /** Hides the writing methods, so the non-broadcast side cannot cast its way to them. */
    private record ReadOnlyView<K, V>(BroadcastState<K, V> state) implements ReadOnlyBroadcastState<K, V> {
        @Override
        public V get(K key) {
            return state.get(key);
        }

        @Override
        public boolean contains(K key) {
            return state.contains(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() {
            return state.immutableEntries();
        }
    }
}
