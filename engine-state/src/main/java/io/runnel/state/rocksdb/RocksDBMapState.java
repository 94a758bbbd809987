package io.runnel.state.rocksdb;

import io.runnel.api.state.MapState;
import io.runnel.api.state.StateAccessException;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.NullableSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link MapState} in RocksDB: one RocksDB entry per map entry, keyed
 * {@code keyGroup | key | namespace | userKey}, so that a (key, namespace)'s map is the set of RocksDB keys with
 * that prefix and {@code entries}, {@code keys}, {@code values}, {@code isEmpty} and {@code clear} are prefix
 * scans (as in Flink's RocksDB map state). User keys and values carry a one-byte null flag, because the heap map
 * accepts null keys and values.
 *
 * <p>Iteration is lazy, in batches of {@value #BATCH_SIZE} entries through {@link RocksDBRangeIterator}, which
 * closes its native iterator after each batch; the iterated prefix is fixed when {@code entries()} (etc.) is
 * called. {@link Iterator#remove()} and {@link Map.Entry#setValue} write through to RocksDB. Iteration order is
 * the user keys' byte order, which the {@link MapState} contract leaves undefined.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
final class RocksDBMapState<K, N, UK, UV> extends AbstractRocksDBState<K, N, UV> implements MapState<UK, UV> {

    private static final int BATCH_SIZE = 128;

    private final TypeSerializer<UK> userKeySerializer;
    private final DataInputDeserializer userKeyIn = new DataInputDeserializer();

    RocksDBMapState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
                    TypeSerializer<N> namespaceSerializer, TypeSerializer<UK> userKeySerializer,
                    TypeSerializer<UV> userValueSerializer) {
        super(backend, name, column, namespaceSerializer, new NullableSerializer<>(userValueSerializer), 0);
        this.userKeySerializer = new NullableSerializer<>(userKeySerializer);
    }

    @Override
    StateDescriptor.Kind kind() {
        return StateDescriptor.Kind.MAP;
    }

    private int buildUserKey(UK userKey) {
        return backend.keyBuilder().withNamespaceAndUserKey(currentNamespace(), namespaceSerializer, userKey,
                userKeySerializer);
    }

    /** @return a copy of the current (key, namespace)'s prefix */
    private byte[] currentPrefix() {
        int length = buildKey(currentNamespace());
        return backend.keyBuilder().copy(length);
    }

    @Override
    public UV get(UK key) {
        int keyLength = buildUserKey(key);
        byte[] bytes = db.get(column, keyBuffer(), keyLength);
        return bytes == null ? null : deserialize(bytes, 0, bytes.length);
    }

    @Override
    public void put(UK key, UV value) {
        int keyLength = buildUserKey(key);
        writeValue(keyBuffer(), keyLength, value);
    }

    private void writeValue(byte[] key, int keyLength, UV value) {
        DataOutputSerializer bytes = valueBytes();
        serializeInto(value, bytes);
        db.put(column, key, keyLength, bytes.getBuffer(), bytes.length());
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        for (Map.Entry<UK, UV> entry : map.entrySet()) {
            put(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public void remove(UK key) {
        int keyLength = buildUserKey(key);
        db.delete(column, keyBuffer(), keyLength);
    }

    @Override
    public boolean contains(UK key) {
        int keyLength = buildUserKey(key);
        return db.get(column, keyBuffer(), keyLength) != null;
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        byte[] prefix = currentPrefix();
        return () -> new MapIterator<>(prefix, raw -> new WriteThroughEntry(raw.key(), userKeyOf(raw, prefix),
                deserialize(raw.value(), 0, raw.value().length)));
    }

    @Override
    public Iterable<UK> keys() {
        byte[] prefix = currentPrefix();
        return () -> new MapIterator<>(prefix, raw -> userKeyOf(raw, prefix));
    }

    @Override
    public Iterable<UV> values() {
        byte[] prefix = currentPrefix();
        return () -> new MapIterator<>(prefix, raw -> deserialize(raw.value(), 0, raw.value().length));
    }

    @Override
    public boolean isEmpty() {
        return !RocksDBRangeIterator.withPrefix(db, column, currentPrefix(), 1).hasNext();
    }

    /** Deletes every entry of the current (key, namespace)'s map, one delete per entry. */
    @Override
    public void clear() {
        RocksDBRangeIterator it = RocksDBRangeIterator.withPrefix(db, column, currentPrefix(), BATCH_SIZE);
        while (it.hasNext()) {
            byte[] key = it.next().key();
            db.delete(column, key, key.length);
        }
    }

    private UK userKeyOf(RocksDBRangeIterator.RawEntry raw, byte[] prefix) {
        byte[] key = raw.key();
        userKeyIn.setBuffer(key, prefix.length, key.length - prefix.length);
        try {
            return userKeySerializer.deserialize(userKeyIn);
        } catch (IOException e) {
            throw new StateAccessException("Cannot deserialize a map key of " + this, e);
        }
    }

    /** Iterates one map's entries, mapping each raw entry; {@code remove()} deletes the last one returned. */
    private final class MapIterator<R> implements Iterator<R> {
        private final RocksDBRangeIterator range;
        private final Function<RocksDBRangeIterator.RawEntry, R> mapper;
        /** Stored key of the entry last returned, for {@code remove()}. Owner: task thread. */
        private byte[] lastKey;

        MapIterator(byte[] prefix, Function<RocksDBRangeIterator.RawEntry, R> mapper) {
            this.range = RocksDBRangeIterator.withPrefix(db, column, prefix, BATCH_SIZE);
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            return range.hasNext();
        }

        @Override
        public R next() {
            RocksDBRangeIterator.RawEntry raw = range.next();
            lastKey = raw.key();
            return mapper.apply(raw);
        }

        @Override
        public void remove() {
            if (lastKey == null) {
                throw new IllegalStateException("remove() without a preceding next()");
            }
            db.delete(column, lastKey, lastKey.length);
            lastKey = null;
        }
    }

    /** A map entry whose {@code setValue} also writes the new value to RocksDB, as a heap map entry would. */
    private final class WriteThroughEntry extends AbstractMap.SimpleEntry<UK, UV> {
        private static final long serialVersionUID = 1L;
        private final transient byte[] rawKey;

        WriteThroughEntry(byte[] rawKey, UK key, UV value) {
            super(key, value);
            this.rawKey = rawKey;
        }

        @Override
        public UV setValue(UV value) {
            writeValue(rawKey, rawKey.length, value);
            return super.setValue(value);
        }
    }
}
