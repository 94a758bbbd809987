package io.runnel.state.rocksdb;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The elements decoded from a scan's stored keys, skipping the keys that decode to nothing (another namespace, a
 * repeat of the last element): the shared part of the key scans of {@link RocksDBKeyedStateBackend}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the element type
 */
abstract class RocksDBScanIterator<T> implements Iterator<T> {

    private final RocksDBRangeIterator range;
    /** The element found by {@link #hasNext()} and not yet returned. Owner: task thread. */
    private T next;

    RocksDBScanIterator(RocksDBRangeIterator range) {
        this.range = range;
    }

    /** @return the element of a stored key, or null to skip the key */
    abstract T decode(byte[] storedKey);

    @Override
    public final boolean hasNext() {
        while (next == null && range.hasNext()) {
            next = decode(range.next().key());
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T element = next;
        next = null;
        return element;
    }
}
