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
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the element type; {@code equals}/{@code hashCode} decide duplicates
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
    @SuppressWarnings("unchecked")
    private Node<T>[] heap = (Node<T>[]) new Node[INITIAL_CAPACITY];
    /** Element to node, for duplicates and removal; touched only on add and remove, never on sifts. */
    private final Map<T, Node<T>> nodes = new HashMap<>();
    private int size;

    HeapPriorityQueueSet(PriorityQueueSpec<T> spec) {
        this.spec = spec;
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
