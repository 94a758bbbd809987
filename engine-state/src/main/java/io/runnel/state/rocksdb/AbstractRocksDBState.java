package io.runnel.state.rocksdb;

import io.runnel.api.state.StateAccessException;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.InternalKvState;
import io.runnel.state.VoidNamespace;
import java.io.IOException;
import java.util.Collection;
import java.util.function.BinaryOperator;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Base of the RocksDB states: one column family per state, keys built by the backend's
 * {@link SerializedKeyBuilder} from the current key and this state's current namespace, values serialized with the
 * state's value serializer. Reads copy values out of RocksDB, so unlike on the heap a value changed after
 * {@code update} or after a read is not changed in the state.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the type of the stored value (list element, map value, accumulator)
 */
abstract class AbstractRocksDBState<K, N, V> implements InternalKvState<N> {

    final RocksDBKeyedStateBackend<K> backend;
    final String name;
    final RocksDBResources db;
    final ColumnFamilyHandle column;
    final TypeSerializer<N> namespaceSerializer;
    final TypeSerializer<V> valueSerializer;
    private final DataOutputSerializer valueOut = new DataOutputSerializer(64);
    private final DataInputDeserializer valueIn = new DataInputDeserializer();
    /** Owner: task thread. */
    private N currentNamespace;

    /**
     * @param name the state's name, for errors
     * @param column the state's column family, owned (and closed) by the backend's {@link RocksDBResources}
     */
    @SuppressWarnings("unchecked")
    AbstractRocksDBState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
                         TypeSerializer<N> namespaceSerializer, TypeSerializer<V> valueSerializer) {
        this.backend = backend;
        this.name = name;
        this.db = backend.resources();
        this.column = column;
        this.namespaceSerializer = namespaceSerializer;
        this.valueSerializer = valueSerializer;
        // As on the heap: state that is never given a namespace lives in the void namespace.
        this.currentNamespace = (N) VoidNamespace.INSTANCE;
    }

    /** @return the kind of state, to reject a second registration under the same name as another kind */
    abstract StateDescriptor.Kind kind();

    @Override
    public final void setCurrentNamespace(N namespace) {
        currentNamespace = namespace;
    }

    final N currentNamespace() {
        return currentNamespace;
    }

    /** Builds the key of the current key in {@code namespace}; returns its length in {@link #keyBuffer()}. */
    final int buildKey(N namespace) {
        return backend.keyBuilder().withNamespace(namespace, namespaceSerializer);
    }

    final byte[] keyBuffer() {
        return backend.keyBuilder().buffer();
    }

    /** @return the raw value of the current key in {@code namespace}, or null */
    final byte[] getBytes(N namespace) {
        int length = buildKey(namespace);
        return db.get(column, keyBuffer(), length);
    }

    /** Removes the entry of the current key in {@code namespace}. */
    final void deleteEntry(N namespace) {
        int length = buildKey(namespace);
        db.delete(column, keyBuffer(), length);
    }

    /** @return the value of the current key in {@code namespace}, or null */
    final V getValue(N namespace) {
        byte[] bytes = getBytes(namespace);
        return bytes == null ? null : deserialize(bytes, 0, bytes.length);
    }

    /** Stores {@code value} (not null) for the current key in {@code namespace}. */
    final void putValue(N namespace, V value) {
        DataOutputSerializer bytes = valueBytes();
        serializeInto(value, bytes);
        putBytes(namespace, bytes.getBuffer(), bytes.length());
    }

    final void putBytes(N namespace, byte[] value, int valueLength) {
        int length = buildKey(namespace);
        db.put(column, keyBuffer(), length, value, valueLength);
    }

    /** @return the reused value buffer, cleared */
    final DataOutputSerializer valueBytes() {
        valueOut.clear();
        return valueOut;
    }

    final void serializeInto(V value, DataOutputSerializer out) {
        try {
            valueSerializer.serialize(value, out);
        } catch (IOException e) {
            throw new StateAccessException("Cannot serialize a value of " + this, e);
        }
    }

    final V deserialize(byte[] bytes, int offset, int length) {
        valueIn.setBuffer(bytes, offset, length);
        return readValue(valueIn);
    }

    final V readValue(DataInputDeserializer in) {
        try {
            return valueSerializer.deserialize(in);
        } catch (IOException e) {
            throw new StateAccessException("Cannot deserialize a value of " + this, e);
        }
    }

    /**
     * Combines the values of {@code sources} (removing them) and then the value of {@code target} into
     * {@code target}, for the current key, in the same order as the heap backend: sources in iteration order, then
     * {@code combine(existingTarget, mergedSources)}. A target among the sources counts as a source.
     */
    final void mergeValues(N target, Collection<N> sources, BinaryOperator<V> combine) {
        V merged = null;
        for (N source : sources) {
            byte[] bytes = getBytes(source);
            if (bytes != null) {
                deleteEntry(source);
                V value = deserialize(bytes, 0, bytes.length);
                merged = merged == null ? value : combine.apply(merged, value);
            }
        }
        if (merged == null) {
            return;
        }
        V existing = getValue(target);
        V result = existing == null ? merged : combine.apply(existing, merged);
        if (result == null) {
            deleteEntry(target);
        } else {
            putValue(target, result);
        }
    }

    /** @return the serialized form of {@code namespace} as it appears in keys (for key scans) */
    final byte[] serializeNamespace(N namespace) {
        DataOutputSerializer out = new DataOutputSerializer(16);
        try {
            namespaceSerializer.serialize(namespace, out);
        } catch (IOException e) {
            throw new StateAccessException("Cannot serialize the namespace " + namespace, e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return kind() + " state '" + name + "' (RocksDB)";
    }

    @Override
    public void clear() {
        deleteEntry(currentNamespace);
    }
}
