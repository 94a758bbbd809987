package io.runnel.api.state.testing;

import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.OperatorStateStore;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator list state for tests of checkpointed functions without a runtime: each list starts from the bytes of a
 * "checkpoint" and {@link #snapshot()} serializes the lists again, with the descriptors' serializers, so a restore
 * sees only what survived serialization, as after a real checkpoint. Union lists behave like even-split lists (one
 * subtask). Shared through engine-core's test-jar (the sink tests of engine-core and engine-connectors).
 *
 * <p><b>Threading:</b> one test thread.
 */
public final class InMemoryOperatorStateStore implements OperatorStateStore {

    private final Map<String, List<byte[]>> restored;
    private final Map<String, SerializingList<?>> live = new LinkedHashMap<>();

    /** @param restored per state name, the serialized elements to start from (empty for a fresh start) */
    public InMemoryOperatorStateStore(Map<String, List<byte[]>> restored) {
        this.restored = restored;
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
        SerializingList<S> list = new SerializingList<>(descriptor.createSerializer());
        for (byte[] bytes : restored.getOrDefault(descriptor.getName(), List.of())) {
            list.values.add(list.read(bytes));
        }
        live.put(descriptor.getName(), list);
        return list;
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
        return getListState(descriptor);
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        return live.keySet();
    }

    /** @return per state name, the lists' current elements, serialized */
    public Map<String, List<byte[]>> snapshot() {
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        live.forEach((name, list) -> out.put(name, list.bytes()));
        return out;
    }

    /** A list state whose elements are serialized at a snapshot. */
    private static final class SerializingList<S> implements ListState<S> {
        final List<S> values = new ArrayList<>();
        private final TypeSerializer<S> serializer;

        SerializingList(TypeSerializer<S> serializer) {
            this.serializer = serializer;
        }

        S read(byte[] bytes) {
            try {
                return serializer.deserialize(new DataInputDeserializer(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<byte[]> bytes() {
            List<byte[]> out = new ArrayList<>();
            for (S v : values) {
                DataOutputSerializer o = new DataOutputSerializer(64);
                try {
                    serializer.serialize(v, o);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.add(o.toByteArray());
            }
            return out;
        }

        @Override
        public Iterable<S> get() {
            return values;
        }

        @Override
        public void add(S value) {
            values.add(value);
        }

        @Override
        public void update(List<S> list) {
            values.clear();
            values.addAll(list);
        }

        @Override
        public void addAll(List<S> list) {
            values.addAll(list);
        }

        @Override
        public void clear() {
            values.clear();
        }
    }
}
