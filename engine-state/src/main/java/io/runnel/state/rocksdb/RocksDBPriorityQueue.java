package io.runnel.state.rocksdb;

import io.runnel.api.state.StateAccessException;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.PriorityQueueSpec;
import java.io.IOException;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A {@link KeyGroupedPriorityQueue} kept in RocksDB: one {@link RocksDBKeyGroupQueue} per key group of the range
 * (elements stored as {@code keyGroup | serialized element}, so duplicates are equal bytes), and in memory a binary
 * heap of the key groups ordered by their least elements, so the overall least element is the head of the heap's
 * first key group. After Flink's {@code KeyGroupPartitionedPriorityQueue} over
 * {@code RocksDBCachingPriorityQueueSet}s.
 *
 * <p><b>Contract:</b> the spec's serializer writes bytes whose unsigned order within a key group equals the spec's
 * order; the heap over key groups compares elements with the spec's order. Empty key groups sort last.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> lives as long as the backend; its column family is closed by the backend. A queue whose
 * column family was restored from a snapshot is created by {@link #restore}, which reads what is stored.
 *
 * @param <T> the element type
 */
final class RocksDBPriorityQueue<T> implements KeyGroupedPriorityQueue<T> {

    /** Elements per key group kept in memory; Flink's default cache size too. */
    static final int DEFAULT_CACHE_CAPACITY = 128;

    private final PriorityQueueSpec<T> spec;
    private final TypeSerializer<T> serializer;
    private final KeyGroupRange keyGroupRange;
    private final RocksDBKeyGroupQueue<T>[] queues;
    /** Least element of each key group's queue (null if empty), index = keyGroup - start. Owner: task thread. */
    private final Object[] heads;
    /** Binary min-heap of queue indices by head; {@code heap[positions[i]] = i}. Owner: task thread. */
    private final int[] heap;
    private final int[] positions;
    private final DataOutputSerializer out = new DataOutputSerializer(64);
    private final DataInputDeserializer in = new DataInputDeserializer();
    /** Total number of elements. Owner: task thread. */
    private int size;

    @SuppressWarnings("unchecked")
    RocksDBPriorityQueue(PriorityQueueSpec<T> spec, RocksDBResources db, ColumnFamilyHandle column,
                         KeyGroupRange keyGroupRange, int cacheCapacity) {
        this.spec = spec;
        this.serializer = spec.serializer().duplicate();
        this.keyGroupRange = keyGroupRange;
        int n = keyGroupRange.numberOfKeyGroups();
        this.queues = new RocksDBKeyGroupQueue[n];
        this.heads = new Object[n];
        this.heap = new int[n];
        this.positions = new int[n];
        for (int i = 0; i < n; i++) {
            byte[] prefix = RocksDBRangeIterator.keyGroupPrefix(keyGroupRange.startKeyGroup() + i);
            queues[i] = new RocksDBKeyGroupQueue<>(db, column, prefix, cacheCapacity, this::decode);
            heap[i] = i;
            positions[i] = i;
        }
    }

    /**
     * A queue over a column family that already holds elements (restored from a snapshot): counts each key group's
     * elements and reads its head, one scan of the column family over the range.
     *
     * @throws io.runnel.api.state.StateAccessException if RocksDB or the serializer fails
     */
    static <T> RocksDBPriorityQueue<T> restore(PriorityQueueSpec<T> spec, RocksDBResources db,
                                               ColumnFamilyHandle column, KeyGroupRange keyGroupRange,
                                               int cacheCapacity) {
        RocksDBPriorityQueue<T> queue = new RocksDBPriorityQueue<>(spec, db, column, keyGroupRange, cacheCapacity);
        for (int i = 0; i < queue.queues.length; i++) {
            queue.queues[i].countStoredElements();
            queue.size += queue.queues[i].size();
            queue.headChanged(i);
        }
        return queue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T peek() {
        return size == 0 ? null : (T) heads[heap[0]];
    }

    @Override
    public T poll() {
        if (size == 0) {
            return null;
        }
        int index = heap[0];
        T head = queues[index].poll();
        size--;
        headChanged(index);
        return head;
    }

    /** @throws IllegalStateException if the element's key group is outside the backend's range */
    @Override
    public boolean add(T element) {
        int index = indexOf(element);
        if (!queues[index].add(encode(element), element)) {
            return false;
        }
        size++;
        headChanged(index);
        return true;
    }

    /** @throws IllegalStateException if the element's key group is outside the backend's range */
    @Override
    public boolean remove(T element) {
        int index = indexOf(element);
        if (!queues[index].remove(encode(element))) {
            return false;
        }
        size--;
        headChanged(index);
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    /** Scans RocksDB; a key group outside the range has no elements. */
    @Override
    public List<T> elementsOfKeyGroup(int keyGroup) {
        if (!keyGroupRange.contains(keyGroup)) {
            return List.of();
        }
        return queues[keyGroup - keyGroupRange.startKeyGroup()].elements();
    }

    private int indexOf(T element) {
        int keyGroup = spec.keyGroupOf().applyAsInt(element);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("Queue element " + element + " is in key group " + keyGroup
                    + ", outside this backend's " + keyGroupRange);
        }
        return keyGroup - keyGroupRange.startKeyGroup();
    }

    private byte[] encode(T element) {
        out.clear();
        out.writeShort(spec.keyGroupOf().applyAsInt(element));
        try {
            serializer.serialize(element, out);
        } catch (IOException e) {
            throw new StateAccessException("Cannot serialize queue element " + element, e);
        }
        return out.toByteArray();
    }

    private T decode(byte[] key) {
        in.setBuffer(key, 2, key.length - 2);
        try {
            return serializer.deserialize(in);
        } catch (IOException e) {
            throw new StateAccessException("Cannot deserialize a queue element", e);
        }
    }

    /** Re-reads queue {@code index}'s head and restores the heap order around it. */
    private void headChanged(int index) {
        Object before = heads[index];
        heads[index] = queues[index].peek();
        if (before == heads[index]) {
            return;
        }
        siftUp(positions[index]);
        siftDown(positions[index]);
    }

    /** Orders queue indices by head; null (empty queue) is greater than everything. */
    @SuppressWarnings("unchecked")
    private boolean less(int a, int b) {
        Object ha = heads[a];
        Object hb = heads[b];
        if (ha == null) {
            return false;
        }
        return hb == null || spec.order().compare((T) ha, (T) hb) < 0;
    }

    private void siftUp(int position) {
        int index = heap[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!less(index, heap[parent])) {
                break;
            }
            place(heap[parent], position);
            position = parent;
        }
        place(index, position);
    }

    private void siftDown(int position) {
        int index = heap[position];
        int n = heap.length;
        while (2 * position + 1 < n) {
            int child = 2 * position + 1;
            if (child + 1 < n && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], index)) {
                break;
            }
            place(heap[child], position);
            position = child;
        }
        place(index, position);
    }

    private void place(int index, int position) {
        heap[position] = index;
        positions[index] = position;
    }
}
