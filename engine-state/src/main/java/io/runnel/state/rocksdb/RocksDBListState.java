package io.runnel.state.rocksdb;

import io.runnel.api.state.ListState;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.NullableSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.InternalMergingState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link ListState} in RocksDB: the whole list of a (key, namespace) is one value, the concatenation of its
 * elements, each written with a one-byte null flag (the heap list accepts null elements) and then the element's
 * bytes. Because serialized elements are self-delimiting, {@code add} and {@code addAll} append with RocksDB's
 * merge operator (string append with an empty delimiter) instead of reading and rewriting the list, so appending
 * costs O(element) whatever the list's length; the appends are combined when the list is read or compacted. This
 * is the choice Flink's RocksDB list state makes too (Flink separates elements with a delimiter byte; the
 * self-delimiting encoding makes one unnecessary here).
 *
 * <p>{@link #get()} returns a copy: changing it does not change the state. An empty list is never stored, so
 * {@code update(empty)} clears and {@code get()} of nothing is an empty iterable, as on the heap.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <E> the element type
 */
final class RocksDBListState<K, N, E> extends AbstractRocksDBState<K, N, E>
        implements ListState<E>, InternalMergingState<N> {

    RocksDBListState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
                     TypeSerializer<N> namespaceSerializer, TypeSerializer<E> elementSerializer) {
        super(backend, name, column, namespaceSerializer, new NullableSerializer<>(elementSerializer), 0);
    }

    @Override
    StateDescriptor.Kind kind() {
        return StateDescriptor.Kind.LIST;
    }

    @Override
    public Iterable<E> get() {
        byte[] bytes = getBytes(currentNamespace());
        if (bytes == null) {
            return List.of();
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        List<E> out = new ArrayList<>();
        while (in.available() > 0) {
            out.add(readValue(in));
        }
        return out;
    }

    @Override
    public void add(E value) {
        DataOutputSerializer bytes = valueBytes();
        serializeInto(value, bytes);
        int keyLength = buildKey(currentNamespace());
        db.append(column, keyBuffer(), keyLength, bytes.getBuffer(), bytes.length());
    }

    @Override
    public void addAll(List<E> values) {
        if (values.isEmpty()) {
            return;
        }
        DataOutputSerializer bytes = serializeAll(values);
        int keyLength = buildKey(currentNamespace());
        db.append(column, keyBuffer(), keyLength, bytes.getBuffer(), bytes.length());
    }

    @Override
    public void update(List<E> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        DataOutputSerializer bytes = serializeAll(values);
        putBytes(currentNamespace(), bytes.getBuffer(), bytes.length());
    }

    private DataOutputSerializer serializeAll(List<E> values) {
        DataOutputSerializer bytes = valueBytes();
        for (E value : values) {
            serializeInto(value, bytes);
        }
        return bytes;
    }

    /**
     * Concatenates the sources' lists in iteration order, removes them, and appends the result to the target's
     * list, which gives the heap's order (existing target elements first; a target among the sources is removed
     * first and so contributes at its place among the sources). The bytes are moved without deserializing.
     */
    @Override
    public void mergeNamespaces(N target, Collection<N> sources) {
        DataOutputSerializer merged = new DataOutputSerializer(256);
        for (N source : sources) {
            byte[] bytes = getBytes(source);
            if (bytes != null) {
                deleteEntry(source);
                merged.write(bytes);
            }
        }
        if (merged.length() == 0) {
            return;
        }
        int keyLength = buildKey(target);
        db.append(column, keyBuffer(), keyLength, merged.getBuffer(), merged.length());
    }
}
