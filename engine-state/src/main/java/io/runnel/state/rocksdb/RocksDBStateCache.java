package io.runnel.state.rocksdb;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded write-back cache of deserialized values in front of one state's column family: the full RocksDB key
 * (key group, key, namespace bytes) maps to the value object and a dirty flag. Reads that hit cost no JNI call and
 * no deserialization; writes only change the entry, and RocksDB sees them when the entry is evicted or at
 * {@link #flush()}. After the record cache of Kafka Streams' caching stores, except that it holds objects rather
 * than bytes and is bounded by entries rather than bytes.
 *
 * <p><b>Contract:</b> at most {@code capacity} entries (capacity &ge; 1); the least recently used entry is evicted
 * when an insertion passes the bound, and an evicted dirty entry is written through the {@link WriteBack} first.
 * An entry's value may be null: clean null means "known absent in RocksDB" (a cached miss), dirty null is a
 * tombstone whose write-back deletes the RocksDB entry. Invariant: for every key, the state's value is the
 * cached value if the key is cached, else RocksDB's value; so RocksDB alone is the state's value only after
 * {@link #flush()}. Errors of the write-back ({@link io.runnel.api.state.StateAccessException}) propagate from the
 * call that evicted or flushed; after {@link #discard()} every access throws {@link IllegalStateException}.
 *
 * <p><b>Threading:</b> task thread only (the backend's), not thread-safe.
 *
 * <p><b>Lifecycle:</b> created with its state; {@link #discard()} when the backend closes.
 *
 * @param <V> the value type (for TTL state, {@link io.runnel.state.ttl.TtlValue})
 */
final class RocksDBStateCache<V> {

    /** Writes one evicted or flushed dirty entry to RocksDB. */
    @FunctionalInterface
    interface WriteBack<V> {
        /**
         * @param key the full RocksDB key, first {@code keyLength} bytes
         * @param value the value to store, or null to delete the entry
         */
        void write(byte[] key, int keyLength, V value);
    }

    /** A cached value; mutable so that a hit can be overwritten without a second lookup. */
    static final class Entry<V> {
        /** Owner: task thread. */
        V value;
        /** Owner: task thread. True if RocksDB does not hold {@link #value} yet. */
        boolean dirty;

        Entry(V value, boolean dirty) {
            this.value = value;
            this.dirty = dirty;
        }
    }

    private final int capacity;
    private final WriteBack<V> writeBack;
    private final LinkedHashMap<CacheKey, Entry<V>> entries;
    /** Reused for lookups, so that a hit allocates nothing; never stored in {@link #entries}. */
    private final CacheKey probe = new CacheKey(null, 0);
    /** Owner: task thread. Number of entries with {@code dirty == true}; lets {@link #flush()} skip a clean cache. */
    private int dirtyEntries;
    /** Owner: task thread. */
    private boolean discarded;

    /**
     * @param capacity the maximum number of entries, at least 1
     * @param writeBack writes dirty entries on eviction and flush
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    RocksDBStateCache(int capacity, WriteBack<V> writeBack) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.writeBack = writeBack;
        // Access order makes the iteration order LRU first; the initial capacity avoids rehashing up to the bound.
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16) * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, Entry<V>> eldest) {
                return size() > RocksDBStateCache.this.capacity && evict(eldest);
            }
        };
    }

    /**
     * @param key buffer whose first {@code keyLength} bytes are the full RocksDB key; not retained
     * @return the cached entry (marked most recently used), or null on a miss
     * @throws IllegalStateException after {@link #discard()}
     */
    Entry<V> get(byte[] key, int keyLength) {
        checkNotDiscarded();
        probe.set(key, keyLength);
        Entry<V> entry = entries.get(probe);
        probe.set(null, 0);
        return entry;
    }

    /**
     * Sets the key's value, inserting an entry (and evicting the least recently used one past the bound) on a miss.
     *
     * @param key buffer whose first {@code keyLength} bytes are the full RocksDB key; copied on insertion
     * @param value the value, or null for absent
     * @param dirty whether RocksDB still has to be told (false: {@code value} is what RocksDB holds)
     * @throws IllegalStateException after {@link #discard()}
     */
    void put(byte[] key, int keyLength, V value, boolean dirty) {
        Entry<V> entry = get(key, keyLength);
        if (entry != null) {
            set(entry, value, dirty);
            return;
        }
        insert(key, keyLength, value, dirty);
    }

    /**
     * Like {@link #put} for a key that {@link #get} just missed (saves the second lookup): a read that went to
     * RocksDB caches what it found with {@code dirty = false}.
     */
    void insert(byte[] key, int keyLength, V value, boolean dirty) {
        checkNotDiscarded();
        if (dirty) {
            dirtyEntries++;
        }
        entries.put(new CacheKey(Arrays.copyOf(key, keyLength), keyLength), new Entry<>(value, dirty));
    }

    /** Overwrites a cached entry's value, keeping the dirty count. */
    void set(Entry<V> entry, V value, boolean dirty) {
        if (entry.dirty != dirty) {
            dirtyEntries += dirty ? 1 : -1;
        }
        entry.value = value;
        entry.dirty = dirty;
    }

    /** Writes every dirty entry back (in LRU order) and marks it clean; entries stay cached. */
    void flush() {
        checkNotDiscarded();
        if (dirtyEntries == 0) {
            return;
        }
        for (Map.Entry<CacheKey, Entry<V>> e : entries.entrySet()) {
            Entry<V> entry = e.getValue();
            if (entry.dirty) {
                writeBack.write(e.getKey().bytes, e.getKey().length, entry.value);
                entry.dirty = false;
                dirtyEntries--;
            }
        }
    }

    /** Drops every entry without writing it back (the database is going away); later accesses throw. */
    void discard() {
        entries.clear();
        dirtyEntries = 0;
        discarded = true;
    }

    /** @return the number of cached entries, at most the capacity */
    int size() {
        return entries.size();
    }

    /** @return the number of entries RocksDB does not hold yet */
    int dirtyEntries() {
        return dirtyEntries;
    }

    /** Called by {@code removeEldestEntry} once the map is past the bound: writes the eldest back if dirty. */
    private boolean evict(Map.Entry<CacheKey, Entry<V>> eldest) {
        Entry<V> entry = eldest.getValue();
        if (entry.dirty) {
            writeBack.write(eldest.getKey().bytes, eldest.getKey().length, entry.value);
            entry.dirty = false;
            dirtyEntries--;
        }
        return true;
    }

    private void checkNotDiscarded() {
        if (discarded) {
            throw new IllegalStateException("The RocksDB state backend is closed");
        }
    }

    /**
     * A RocksDB key as a hash-map key: the first {@code length} bytes of {@code bytes}, with the hash computed once.
     * Stored keys own an exact copy; the probe borrows the key builder's buffer for the duration of one lookup.
     */
    static final class CacheKey {
        /** Owner: task thread; these three change only in the probe, a stored key is never changed. */
        private byte[] bytes;
        /** Owner: task thread. */
        private int length;
        /** Owner: task thread. Java's 31-polynomial over the key's bytes, spread further by the hash map. */
        private int hash;

        CacheKey(byte[] bytes, int length) {
            set(bytes, length);
        }

        private void set(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
            int h = 1;
            for (int i = 0; i < length; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof CacheKey other)) {
                return false;
            }
            return hash == other.hash && Arrays.equals(bytes, 0, length, other.bytes, 0, other.length);
        }
    }
}
