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
 * state's value serializer.
 *
 * <p><b>Object cache:</b> value, reducing and aggregating state (one value per key and namespace, read and written
 * whole) put a {@link RocksDBStateCache} of {@code cacheEntries} deserialized values in front of RocksDB, unless the
 * backend was configured with 0 entries. Then {@link #getValue} answers from the cache when it can,
 * {@link #putValue} and {@link #deleteEntry} change only the cache, and RocksDB sees the change when the entry is
 * evicted or at {@link #flushCache()}; whatever scans the column family must flush first. Values are then shared as
 * on the heap: a read returns the cached object and {@code update} keeps the object it is given. A caller that
 * changes such an object without writing it back sees the change only while the entry stays cached (an evicted
 * clean entry is reread from RocksDB), so, as with the heap backend, write back what you change and do not change
 * an object after handing it to the state. Without a cache (list and map state, or 0 entries) reads copy values out
 * of RocksDB and writes go straight to it.
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
    /** Null for list and map state and when the backend's cache is off. */
    private final RocksDBStateCache<V> cache;
    /** Owner: task thread. */
    private N currentNamespace;

    /**
     * @param name the state's name, for errors
     * @param column the state's column family, owned (and closed) by the backend's {@link RocksDBResources}
     * @param cacheEntries the capacity of this state's object cache; 0 for none (always for list and map state,
     *     whose values are not read and written whole)
     */
    @SuppressWarnings("unchecked")
    AbstractRocksDBState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
                         TypeSerializer<N> namespaceSerializer, TypeSerializer<V> valueSerializer, int cacheEntries) {
        this.backend = backend;
        this.name = name;
        this.db = backend.resources();
        this.column = column;
        this.namespaceSerializer = namespaceSerializer;
        this.valueSerializer = valueSerializer;
        // As on the heap: state that is never given a namespace lives in the void namespace.
        this.currentNamespace = (N) VoidNamespace.INSTANCE;
        this.cache = cacheEntries > 0 ? new RocksDBStateCache<>(cacheEntries, this::writeBack) : null;
    }

    /**
     * Writes every changed cached value to RocksDB, so that scans of this state's column family (and snapshots)
     * see them; a no-op without a cache or with nothing changed.
     */
    final void flushCache() {
        if (cache != null) {
            cache.flush();
        }
    }

    /** Forgets the cached values without writing them (the database is closing); later accesses throw. */
    final void discardCache() {
        if (cache != null) {
            cache.discard();
        }
    }

    /** @return this state's object cache, or null; for tests */
    final RocksDBStateCache<V> cache() {
        return cache;
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

    /**
     * Removes the entry of the current key in {@code namespace}; with a cache, by a tombstone (a dirty null entry)
     * unless the cache already knows RocksDB holds nothing there.
     */
    final void deleteEntry(N namespace) {
        int length = buildKey(namespace);
        if (cache == null) {
            db.delete(column, keyBuffer(), length);
            return;
        }
        RocksDBStateCache.Entry<V> entry = cache.get(keyBuffer(), length);
        if (entry == null) {
            cache.insert(keyBuffer(), length, null, true);
        } else if (entry.dirty || entry.value != null) {
            cache.set(entry, null, true);
        }
    }

    /** @return the value of the current key in {@code namespace}, or null; with a cache, the cached object */
    final V getValue(N namespace) {
        int length = buildKey(namespace);
        byte[] key = keyBuffer();
        RocksDBStateCache.Entry<V> entry = cache == null ? null : cache.get(key, length);
        if (entry != null) {
            return entry.value;
        }
        byte[] bytes = db.get(column, key, length);
        V value = bytes == null ? null : deserialize(bytes, 0, bytes.length);
        if (cache != null) {
            // A miss is cached too (as a clean null), so that the usual read-then-write of a new key reads once.
            cache.insert(key, length, value, false);
        }
        return value;
    }

    /** Stores {@code value} (not null) for the current key in {@code namespace}; with a cache, only there. */
    final void putValue(N namespace, V value) {
        if (cache != null) {
            int length = buildKey(namespace);
            cache.put(keyBuffer(), length, value, true);
            return;
        }
        DataOutputSerializer bytes = valueBytes();
        serializeInto(value, bytes);
        putBytes(namespace, bytes.getBuffer(), bytes.length());
    }

    /** The cache's write-back: RocksDB gets {@code value} (null: deletes) under the given full key. */
    private void writeBack(byte[] key, int keyLength, V value) {
        if (value == null) {
            db.delete(column, key, keyLength);
            return;
        }
        DataOutputSerializer bytes = valueBytes();
        serializeInto(value, bytes);
        db.put(column, key, keyLength, bytes.getBuffer(), bytes.length());
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
            V value = getValue(source);
            if (value != null) {
                deleteEntry(source);
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
