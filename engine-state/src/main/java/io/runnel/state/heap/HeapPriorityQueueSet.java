package io.runnel.state.heap;

import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.PriorityQueueSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A binary min-heap of distinct elements with an index from element to heap position, so that adding a
 * duplicate is a hash lookup and removing any element is O(log n). The heap queue of the hashmap backend (timers),
 * after Flink's {@code HeapPriorityQueueSet}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the element type; {@code equals}/{@code hashCode} decide duplicates
 */
final class HeapPriorityQueueSet<T> implements KeyGroupedPriorityQueue<T> {

    private static final int INITIAL_CAPACITY = 16;

    private final PriorityQueueSpec<T> spec;
    private Object[] heap = new Object[INITIAL_CAPACITY];
    private final Map<T, Integer> positions = new HashMap<>();
    private int size;

    HeapPriorityQueueSet(PriorityQueueSpec<T> spec) {
        this.spec = spec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T peek() {
        return size == 0 ? null : (T) heap[0];
    }

    @Override
    public T poll() {
        T head = peek();
        if (head != null) {
            removeAt(0);
        }
        return head;
    }

    @Override
    public boolean add(T element) {
        if (positions.containsKey(element)) {
            return false;
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = element;
        positions.put(element, size);
        size++;
        siftUp(size - 1);
        return true;
    }

    @Override
    public boolean remove(T element) {
        Integer at = positions.get(element);
        if (at == null) {
            return false;
        }
        removeAt(at);
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> elementsOfKeyGroup(int keyGroup) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            T e = (T) heap[i];
            if (spec.keyGroupOf().applyAsInt(e) == keyGroup) {
                out.add(e);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void removeAt(int index) {
        T removed = (T) heap[index];
        positions.remove(removed);
        size--;
        if (index == size) {
            heap[size] = null;
            return;
        }
        T last = (T) heap[size];
        heap[size] = null;
        place(last, index);
        siftDown(index);
        if (heap[index] == last) {
            siftUp(index);
        }
    }

    private void place(T element, int index) {
        heap[index] = element;
        positions.put(element, index);
    }

    @SuppressWarnings("unchecked")
    private void siftUp(int index) {
        T element = (T) heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            T p = (T) heap[parent];
            if (spec.order().compare(element, p) >= 0) {
                break;
            }
            place(p, index);
            index = parent;
        }
        place(element, index);
    }

    @SuppressWarnings("unchecked")
    private void siftDown(int index) {
        T element = (T) heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && spec.order().compare((T) heap[right], (T) heap[child]) < 0) {
                child = right;
            }
            if (spec.order().compare(element, (T) heap[child]) <= 0) {
                break;
            }
            place((T) heap[child], index);
            index = child;
        }
        place(element, index);
    }
}
