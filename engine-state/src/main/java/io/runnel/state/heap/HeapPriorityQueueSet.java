package io.runnel.state.heap;

import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.PriorityQueueSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A binary min-heap of distinct elements with an index from element to its heap node, so that adding a
 * duplicate is a hash lookup and removing any element is O(log n); the node carries its heap position, so sifting
 * moves nodes without touching the index (as Flink's elements carry their internal index). The heap queue of the hashmap backend (timers),
 * after Flink's {@code HeapPriorityQueueSet}.
 *
 * <p>Snapshots copy on write: {@link #snapshot(int)} hands over the heap array (whose nodes' elements never
 * change) and the first change after it clones the array if a snapshot holding it is still live, with the same
 * rule as {@link StateMap}.
 *
 * <p><b>Threading:</b> task thread only; an array handed to a snapshot is never written again, so the async
 * snapshot thread may read the elements of its nodes.
 *
 * @param <T> the element type; {@code equals}/{@code hashCode} decide duplicates; immutable
 */
final class HeapPriorityQueueSet<T> implements KeyGroupedPriorityQueue<T> {

    private static final int INITIAL_CAPACITY = 16;

    /** A queued element and its current position in the heap array; moves update the node, not the map. */
    private static final class Node<T> {
        final T element;
        int index;

        Node(T element, int index) {
            this.element = element;
            this.index = index;
        }
    }

    private final PriorityQueueSpec<T> spec;
    private final CopyOnWriteVersions versions;
    @SuppressWarnings("unchecked")
    private Node<T>[] heap = (Node<T>[]) new Node[INITIAL_CAPACITY];
    /** Element to node, for duplicates and removal; touched only on add and remove, never on sifts. */
    private final Map<T, Node<T>> nodes = new HashMap<>();
    private int size;
    /** The first snapshot version that holds {@link #heap}; 0 if none does. */
    private int sharedFrom;

    /**
     * @param spec order and key groups of the elements
     * @param versions the backend's snapshot versions
     */
    HeapPriorityQueueSet(PriorityQueueSpec<T> spec, CopyOnWriteVersions versions) {
        this.spec = spec;
        this.versions = versions;
    }

    /** @return the spec the queue was created with */
    PriorityQueueSpec<T> spec() {
        return spec;
    }

    @Override
    public T peek() {
        return size == 0 ? null : heap[0].element;
    }

    @Override
    public T poll() {
        if (size == 0) {
            return null;
        }
        unshare();
        Node<T> head = heap[0];
        nodes.remove(head.element);
        removeAt(0);
        return head.element;
    }

    @Override
    public boolean add(T element) {
        if (nodes.containsKey(element)) {
            return false;
        }
        unshare();
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        Node<T> node = new Node<>(element, size);
        heap[size] = node;
        nodes.put(element, node);
        size++;
        siftUp(size - 1);
        return true;
    }

    @Override
    public boolean remove(T element) {
        Node<T> node = nodes.remove(element);
        if (node == null) {
            return false;
        }
        unshare();
        removeAt(node.index);
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<T> elementsOfKeyGroup(int keyGroup) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            T e = heap[i].element;
            if (spec.keyGroupOf().applyAsInt(e) == keyGroup) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The synchronous part of a snapshot: O(1), the array is handed over and copied by the next change.
     *
     * @param snapshotVersion the version just taken
     * @return the queued elements now, in heap order
     */
    QueueSnapshot snapshot(int snapshotVersion) {
        if (size > 0 && sharedFrom == 0) {
            sharedFrom = snapshotVersion;
        }
        return new QueueSnapshot(heap, size);
    }

    /** Gives the array back to this queue alone, cloning it if a live snapshot still reads it. */
    private void unshare() {
        if (sharedFrom == 0) {
            return;
        }
        if (versions.highestLive() >= sharedFrom) {
            heap = heap.clone();
        }
        sharedFrom = 0;
    }

    /**
     * The elements of a queue at a snapshot: {@code nodes[0, size)}. Never written after it was taken.
     *
     * <p><b>Threading:</b> immutable (by the copy-on-write protocol); read by the async snapshot thread.
     */
    static final class QueueSnapshot {
        private final Node<?>[] nodes;
        private final int size;

        QueueSnapshot(Node<?>[] nodes, int size) {
            this.nodes = nodes;
            this.size = size;
        }

        int size() {
            return size;
        }

        /** @return the element at a position in {@code [0, size())} */
        Object elementAt(int i) {
            return nodes[i].element;
        }
    }

    private void removeAt(int index) {
        size--;
        if (index == size) {
            heap[size] = null;
            return;
        }
        Node<T> last = heap[size];
        heap[size] = null;
        place(last, index);
        siftDown(index);
        if (heap[index] == last) {
            siftUp(index);
        }
    }

    private void place(Node<T> node, int index) {
        heap[index] = node;
        node.index = index;
    }

    private void siftUp(int index) {
        Node<T> node = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            Node<T> p = heap[parent];
            if (spec.order().compare(node.element, p.element) >= 0) {
                break;
            }
            place(p, index);
            index = parent;
        }
        place(node, index);
    }

    private void siftDown(int index) {
        Node<T> node = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && spec.order().compare(heap[right].element, heap[child].element) < 0) {
                child = right;
            }
            if (spec.order().compare(node.element, heap[child].element) <= 0) {
                break;
            }
            place(heap[child], index);
            index = child;
        }
        place(node, index);
    }
}
