package io.runnel.state.rocksdb;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Iterates the entries of one column family whose keys lie in {@code [lower, upper)}, in unsigned byte order,
 * reading a batch of entries at a time. Each batch opens a native iterator, copies up to {@code batchSize} entries
 * out and closes it again, so a user who drops a {@code MapState} iterator halfway leaks nothing, and entries
 * written or deleted between batches are seen as RocksDB has them then. The batching follows Flink's RocksDB map
 * state iterator.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class RocksDBRangeIterator implements Iterator<RocksDBRangeIterator.RawEntry> {

    /** One key/value pair copied out of RocksDB. */
    record RawEntry(byte[] key, byte[] value) {
    }

    private final RocksDBResources db;
    private final ColumnFamilyHandle column;
    private final byte[] lower;
    private final byte[] upper;
    private final int batchSize;
    /** Entries copied out and not yet handed out. Owner: task thread. */
    private final ArrayDeque<RawEntry> batch = new ArrayDeque<>();
    /** The last key handed out; the next batch starts after it. Null before the first batch. Owner: task thread. */
    private byte[] lastKey;
    /** True once a batch ended before its limit: nothing is left. Owner: task thread. */
    private boolean exhausted;

    /**
     * @param lower the first key, inclusive
     * @param upper the end, exclusive; null for the end of the column family
     * @param batchSize entries copied per native iterator, at least 1
     */
    RocksDBRangeIterator(RocksDBResources db, ColumnFamilyHandle column, byte[] lower, byte[] upper,
                         int batchSize) {
        this.db = db;
        this.column = column;
        this.lower = lower;
        this.upper = upper;
        this.batchSize = batchSize;
    }

    /** @return the iterator over the keys that start with {@code prefix} */
    static RocksDBRangeIterator withPrefix(RocksDBResources db, ColumnFamilyHandle column, byte[] prefix,
                                           int batchSize) {
        return new RocksDBRangeIterator(db, column, prefix, prefixEnd(prefix), batchSize);
    }

    /**
     * @return the least byte string greater than every string that starts with {@code prefix}, or null if there is
     *     none (the prefix is all 0xFF bytes)
     */
    static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }

    /** @return the two big-endian bytes that start every key of {@code keyGroup} */
    static byte[] keyGroupPrefix(int keyGroup) {
        return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
    }

    @Override
    public boolean hasNext() {
        if (!batch.isEmpty()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        boolean more = lastKey == null
                ? db.scan(column, lower, false, upper, batchSize, batch)
                : db.scan(column, lastKey, true, upper, batchSize, batch);
        exhausted = !more;
        return !batch.isEmpty();
    }

    @Override
    public RawEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawEntry entry = batch.poll();
        lastKey = entry.key();
        return entry;
    }
}
