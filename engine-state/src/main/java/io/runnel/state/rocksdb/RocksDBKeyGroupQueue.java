package io.runnel.state.rocksdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import org.rocksdb.ColumnFamilyHandle;

/**
 * The elements of one key group of a {@link RocksDBPriorityQueue}: all of them in RocksDB under
 * {@code keyGroup (2 bytes) | element bytes}, and the smallest few also in a sorted in-memory cache, so that
 * {@code peek} and {@code poll} usually touch only memory and RocksDB is scanned once per {@code capacity} polls.
 * After Flink's {@code RocksDBCachingPriorityQueueSet}, with an exact element count added so that {@code add} and
 * {@code remove} can report whether anything changed.
 *
 * <p>Invariants ({@code E} = this key group's elements in RocksDB, ordered by unsigned bytes):
 * <ul>
 *   <li>{@code cache} = the {@code |cache|} smallest elements of {@code E}, and {@code |cache| <= capacity};</li>
 *   <li>{@code size = |E|}, so the cache holds every element iff {@code |cache| = size};</li>
 *   <li>the cache is empty only if {@code size = 0} or just before {@link #peek()} refills it.</li>
 * </ul>
 * Hence an element below the cache's largest, or any element while the cache holds everything, is queued iff it
 * is cached, and only elements above the cache's largest need a RocksDB read to check.
 *
 * <p>Polled elements leave tombstones at the start of the key group's range, which each refill's scan steps over
 * until compaction drops them; this is the known cost of timers in an LSM tree, bounded here by refilling at most
 * once per {@code capacity} polls.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the element type
 */
final class RocksDBKeyGroupQueue<T> {

    /** Elements live in the keys; the values are empty. */
    private static final byte[] NO_VALUE = new byte[0];

    private final RocksDBResources db;
    private final ColumnFamilyHandle column;
    private final byte[] prefix;
    private final int capacity;
    /** Turns a stored key (prefix included) back into an element. */
    private final Function<byte[], T> decoder;
    /** Element bytes (prefix included) to element; sorted like RocksDB. Owner: task thread. */
    private final TreeMap<byte[], T> cache = new TreeMap<>(Arrays::compareUnsigned);
    /** Number of this key group's elements in RocksDB. Owner: task thread. */
    private int size;

    /**
     * @param prefix the key group's two prefix bytes
     * @param capacity the most elements kept in memory, at least 1
     * @param decoder reads an element from its stored key
     */
    RocksDBKeyGroupQueue(RocksDBResources db, ColumnFamilyHandle column, byte[] prefix, int capacity,
                         Function<byte[], T> decoder) {
        this.db = db;
        this.column = column;
        this.prefix = prefix;
        this.capacity = capacity;
        this.decoder = decoder;
    }

    int size() {
        return size;
    }

    /** @return the least element, or null if none; may refill the cache from RocksDB */
    T peek() {
        if (cache.isEmpty() && size > 0) {
            refill();
        }
        return cache.isEmpty() ? null : cache.firstEntry().getValue();
    }

    /** @return the least element, removed, or null if none */
    T poll() {
        T head = peek();
        if (head != null) {
            byte[] key = cache.pollFirstEntry().getKey();
            db.delete(column, key, key.length);
            size--;
        }
        return head;
    }

    /**
     * @param key the element's stored key (prefix included); kept, not copied
     * @return true if the element was not queued before
     */
    boolean add(byte[] key, T element) {
        if (cache.containsKey(key)) {
            return false;
        }
        if (!decidedByCache(key)) {
            // Above every cached element: it may be in RocksDB only, and stays out of the cache either way.
            if (db.get(column, key, key.length) != null) {
                return false;
            }
            db.put(column, key, key.length, NO_VALUE, 0);
            size++;
            return true;
        }
        db.put(column, key, key.length, NO_VALUE, 0);
        size++;
        cache.put(key, element);
        if (cache.size() > capacity) {
            cache.pollLastEntry();
        }
        return true;
    }

    /** @return true if the element was queued */
    boolean remove(byte[] key) {
        if (cache.remove(key) != null) {
            db.delete(column, key, key.length);
            size--;
            return true;
        }
        if (decidedByCache(key) || db.get(column, key, key.length) == null) {
            return false;
        }
        db.delete(column, key, key.length);
        size--;
        return true;
    }

    /** @return true if the cache alone tells whether {@code key} is queued (see the class invariants) */
    private boolean decidedByCache(byte[] key) {
        return cache.size() == size || (!cache.isEmpty() && Arrays.compareUnsigned(key, cache.lastKey()) < 0);
    }

    private void refill() {
        RocksDBRangeIterator it = RocksDBRangeIterator.withPrefix(db, column, prefix, capacity);
        while (it.hasNext() && cache.size() < capacity) {
            byte[] key = it.next().key();
            cache.put(key, decoder.apply(key));
        }
    }

    /**
     * Sets the element count from what RocksDB holds for this key group (a restored column family); the cache,
     * which must be empty, is filled by the next {@link #peek()}.
     */
    void countStoredElements() {
        int stored = 0;
        RocksDBRangeIterator it = RocksDBRangeIterator.withPrefix(db, column, prefix, 1024);
        while (it.hasNext()) {
            it.next();
            stored++;
        }
        size = stored;
    }

    /** @return every element of this key group, read from RocksDB */
    List<T> elements() {
        List<T> out = new ArrayList<>(size);
        RocksDBRangeIterator it = RocksDBRangeIterator.withPrefix(db, column, prefix, 256);
        while (it.hasNext()) {
            out.add(decoder.apply(it.next().key()));
        }
        return out;
    }
}
