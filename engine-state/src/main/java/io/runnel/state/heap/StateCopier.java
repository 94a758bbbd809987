package io.runnel.state.heap;

import io.runnel.api.state.StateAccessException;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies a state object that a live snapshot still reads, so that the task thread can hand out or change its own
 * copy while the snapshot writes the original (see {@link StateMap}). Flink's heap backend does the same with
 * {@code TypeSerializer#copy}; our serializers have no copy, so a deep copy is a serialize and deserialize round
 * trip, skipped for objects of immutable types ({@link ImmutableTypes}).
 *
 * <p><b>Contract:</b> {@code copy(s)} is equal in content to {@code s} and shares no mutable object with it, except
 * map keys (which must not be mutated while in a map anyway).
 *
 * <p><b>Threading:</b> task thread only (the deep copier reuses scratch buffers).
 *
 * @param <S> the state object type
 */
@FunctionalInterface
interface StateCopier<S> {

    /**
     * @param state the object to copy, not null
     * @return a copy the caller may change
     * @throws StateAccessException if the serializer fails
     */
    S copy(S state);

    /** @return a copier of single values (value, reducing, aggregating state) */
    static <V> StateCopier<V> deep(TypeSerializer<V> serializer) {
        return new Deep<>(serializer);
    }

    /** @return a copier of list state's lists: a new list of copied elements */
    static <E> StateCopier<ArrayList<E>> list(TypeSerializer<E> elementSerializer) {
        Deep<E> elements = new Deep<>(HeapCollectionSerializers.nullable(elementSerializer));
        return list -> {
            ArrayList<E> copy = new ArrayList<>(list.size());
            for (E e : list) {
                copy.add(elements.copy(e));
            }
            return copy;
        };
    }

    /** @return a copier of map state's maps: a new map with the same keys and copied values */
    static <UK, UV> StateCopier<HashMap<UK, UV>> map(TypeSerializer<UV> valueSerializer) {
        Deep<UV> values = new Deep<>(HeapCollectionSerializers.nullable(valueSerializer));
        return map -> {
            HashMap<UK, UV> copy = new HashMap<>(map.size() * 4 / 3 + 1);
            for (Map.Entry<UK, UV> e : map.entrySet()) {
                copy.put(e.getKey(), values.copy(e.getValue()));
            }
            return copy;
        };
    }

    /** Copies by a serializer round trip unless the object is immutable. */
    final class Deep<V> implements StateCopier<V> {
        private final TypeSerializer<V> serializer;
        private final DataOutputSerializer out = new DataOutputSerializer(64);
        private final DataInputDeserializer in = new DataInputDeserializer();

        Deep(TypeSerializer<V> serializer) {
            this.serializer = serializer;
        }

        @Override
        public V copy(V state) {
            if (ImmutableTypes.isImmutable(state)) {
                return state;
            }
            out.clear();
            try {
                serializer.serialize(state, out);
                in.setBuffer(out.getBuffer(), 0, out.length());
                return serializer.deserialize(in);
            } catch (IOException e) {
                throw new StateAccessException("Could not copy a state object of " + state.getClass().getName()
                        + " that a running snapshot still reads", e);
            }
        }
    }
}
