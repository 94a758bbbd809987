package io.runnel.runtime.operators;

import io.runnel.api.state.ListState;
import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.operator.DefaultOperatorStateBackend;
import io.runnel.state.operator.OperatorStateSnapshot;
import java.io.IOException;
import java.util.ArrayList;
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
 * the other side. At a checkpoint each map is written into the operator's operator state as a broadcast list of
 * entries (every instance holds the same maps, so a restore at any parallelism gives each new instance the maps
 * of one old instance). After Flink's {@code BroadcastState}.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class BroadcastStates {

    /** The prefix of the operator-state lists that hold the maps in snapshots. */
    static final String LIST_PREFIX = "broadcast-state/";

    private final Map<String, MapBroadcastState<Object, Object>> states = new HashMap<>();
    /** Per state name, the operator-state list its entries are written to at a checkpoint. */
    private final Map<String, ListState<Object[]>> lists = new HashMap<>();

    /**
     * @param descriptors the descriptors of the states to create
     * @param operatorState the operator's operator state: where the maps go at checkpoints and come from on restore
     */
    @SuppressWarnings("unchecked")
    BroadcastStates(List<MapStateDescriptor<?, ?>> descriptors, DefaultOperatorStateBackend operatorState) {
        for (MapStateDescriptor<?, ?> d : descriptors) {
            MapBroadcastState<Object, Object> state = new MapBroadcastState<>();
            ListState<Object[]> list = operatorState.getListState(LIST_PREFIX + d.getName(),
                    new EntrySerializer((TypeSerializer<Object>) d.getKeyType().createSerializer(),
                            (TypeSerializer<Object>) d.createSerializer()),
                    OperatorStateSnapshot.Mode.BROADCAST);
            try {
                for (Object[] entry : list.get()) {
                    state.put(entry[0], entry[1]);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot restore broadcast state '" + d.getName() + "'", e);
            }
            states.put(d.getName(), state);
            lists.put(d.getName(), list);
        }
    }

    /** Writes every map into its operator-state list, for a checkpoint. Task thread. */
    void snapshot() {
        states.forEach((name, state) -> {
            List<Object[]> entries = new ArrayList<>();
            for (Map.Entry<Object, Object> e : state.entries()) {
                entries.add(new Object[] {e.getKey(), e.getValue()});
            }
            lists.get(name).update(entries);
        });
    }

    /** Writes a map entry as its key, then its value. */
    private static final class EntrySerializer extends TypeSerializer<Object[]> {
        private static final long serialVersionUID = 1L;
        private final TypeSerializer<Object> keys;
        private final TypeSerializer<Object> values;

        EntrySerializer(TypeSerializer<Object> keys, TypeSerializer<Object> values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public void serialize(Object[] entry, DataOutputView out) throws IOException {
            keys.serialize(entry[0], out);
            values.serialize(entry[1], out);
        }

        @Override
        public Object[] deserialize(DataInputView in) throws IOException {
            Object key = keys.deserialize(in);
            return new Object[] {key, values.deserialize(in)};
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
