package io.runnel.state.heap;

import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.PriorityQueueSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A binary min-heap of distinct elements with an index from element to heap position, so that adding a duplicate
 * is a hash probe and removing any element is O(log n). The heap queue of the hashmap backend (timers), after
 * Flink's {@code HeapPriorityQueueSet}.
 *
 * <p><b>Layout.</b> Everything is in parallel arrays, with no object per element besides the element itself:
 * <ul>
 *   <li>by heap position: the element, its two {@link PriorityQueueSpec.SortKeys} longs, and its index slot;</li>
 *   <li>the index, open addressing with linear probing: per slot the element's hash code and its heap position
 *       plus one (0 = empty slot), at most half full, with backward-shift deletion.</li>
 * </ul>
 * A sift compares the sort keys in the primitive arrays, where the two children of a node sit side by side, and
 * reads an element object only when both keys tie; a chained heap of nodes would visit two cold objects per
 * level. When the spec has no sort keys, every key is 0 and the comparator decides.
 *
 * <p>Snapshots copy on write: {@link #snapshot(int)} hands over the element array, and the first change after it
 * clones the array if a snapshot holding it is still live, with the same rule as {@link StateMap}.
 *
 * <p><b>Threading:</b> task thread only; an array handed to a snapshot is never written again, so the async
 * snapshot thread may read its elements.
 *
 * @param <T> the element type; {@code equals}/{@code hashCode} decide duplicates; immutable
 */
final class HeapPriorityQueueSet<T> implements KeyGroupedPriorityQueue<T> {

    private static final int INITIAL_CAPACITY = 16;

    private final PriorityQueueSpec<T> spec;
    private final Comparator<T> order;
    private final PriorityQueueSpec.SortKeys<T> sortKeys;
    private final CopyOnWriteVersions versions;
    /** By heap position in {@code [0, size)}: the element, its sort keys, and its index slot. */
    private Object[] elements = new Object[INITIAL_CAPACITY];
    private long[] primary = new long[INITIAL_CAPACITY];
    private long[] secondary = new long[INITIAL_CAPACITY];
    private int[] slotOf = new int[INITIAL_CAPACITY];
    private int size;
    /** The index, by slot: the element's hash code, and its heap position plus one (0: empty slot). */
    private int[] slotHash = new int[2 * INITIAL_CAPACITY];
    private int[] slotPosition = new int[2 * INITIAL_CAPACITY];
    /** The first snapshot version that holds {@link #elements}; 0 if none does. */
    private int sharedFrom;

    /**
     * @param spec order, sort keys and key groups of the elements
     * @param versions the backend's snapshot versions
     */
    HeapPriorityQueueSet(PriorityQueueSpec<T> spec, CopyOnWriteVersions versions) {
        this.spec = spec;
        this.order = spec.order();
        this.sortKeys = spec.sortKeys();
        this.versions = versions;
    }

    /** @return the spec the queue was created with */
    PriorityQueueSpec<T> spec() {
        return spec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T peek() {
        return size == 0 ? null : (T) elements[0];
    }

    @Override
    @SuppressWarnings("unchecked")
    public T poll() {
        if (size == 0) {
            return null;
        }
        unshare();
        T head = (T) elements[0];
        removeSlot(slotOf[0]);
        removeAt(0);
        return head;
    }

    @Override
    public boolean add(T element) {
        int hash = element.hashCode();
        int found = find(element, hash);
        if (found >= 0) {
            return false;
        }
        unshare();
        if (size == elements.length) {
            growHeap();
        }
        if ((size + 1) * 2 > slotPosition.length) {
            growIndex();
            found = find(element, hash);
        }
        int slot = -found - 1;
        int position = size++;
        slotHash[slot] = hash;
        elements[position] = element;
        if (sortKeys != null) {
            primary[position] = sortKeys.primary(element);
            secondary[position] = sortKeys.secondary(element);
        }
        slotOf[position] = slot;
        slotPosition[slot] = position + 1;
        siftUp(position);
        return true;
    }

    @Override
    public boolean remove(T element) {
        int slot = find(element, element.hashCode());
        if (slot < 0) {
            return false;
        }
        unshare();
        int position = slotPosition[slot] - 1;
        removeSlot(slot);
        removeAt(position);
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
            T e = (T) elements[i];
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
        return new QueueSnapshot(elements, size);
    }

    /** Gives the element array back to this queue alone, cloning it if a live snapshot still reads it. */
    private void unshare() {
        if (sharedFrom == 0) {
            return;
        }
        if (versions.highestLive() >= sharedFrom) {
            elements = elements.clone();
        }
        sharedFrom = 0;
    }

    /**
     * The elements of a queue at a snapshot: {@code elements[0, size)}. Never written after it was taken.
     *
     * <p><b>Threading:</b> immutable (by the copy-on-write protocol); read by the async snapshot thread.
     */
    static final class QueueSnapshot {
        private final Object[] elements;
        private final int size;

        QueueSnapshot(Object[] elements, int size) {
            this.elements = elements;
            this.size = size;
        }

        int size() {
            return size;
        }

        /** @return the element at a position in {@code [0, size())} */
        Object elementAt(int i) {
            return elements[i];
        }
    }

    /** Spreads hash codes that differ in high bits only (e.g. timers a few seconds apart) over the slots. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** @return the index slot of an equal element, or {@code -(free slot) - 1} where it would go */
    private int find(Object element, int hash) {
        int[] positions = slotPosition;
        int mask = positions.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            int p = positions[i];
            if (p == 0) {
                return -i - 1;
            }
            if (slotHash[i] == hash && element.equals(elements[p - 1])) {
                return i;
            }
        }
    }

    /** Empties an index slot, shifting later entries of its probe run back so lookups still find them. */
    private void removeSlot(int slot) {
        int mask = slotPosition.length - 1;
        int gap = slot;
        int i = slot;
        while (true) {
            i = (i + 1) & mask;
            int p = slotPosition[i];
            if (p == 0) {
                break;
            }
            int home = spread(slotHash[i]) & mask;
            // Move entry i into the gap unless its home slot lies cyclically in (gap, i].
            boolean homeBetween = gap <= i ? (gap < home && home <= i) : (gap < home || home <= i);
            if (!homeBetween) {
                slotHash[gap] = slotHash[i];
                slotPosition[gap] = p;
                slotOf[p - 1] = gap;
                gap = i;
            }
        }
        slotPosition[gap] = 0;
    }

    private void growHeap() {
        int capacity = elements.length * 2;
        elements = Arrays.copyOf(elements, capacity);
        primary = Arrays.copyOf(primary, capacity);
        secondary = Arrays.copyOf(secondary, capacity);
        slotOf = Arrays.copyOf(slotOf, capacity);
    }

    private void growIndex() {
        int[] oldHash = slotHash;
        int[] oldPosition = slotPosition;
        int capacity = oldPosition.length * 2;
        slotHash = new int[capacity];
        slotPosition = new int[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldPosition.length; j++) {
            int p = oldPosition[j];
            if (p != 0) {
                int i = spread(oldHash[j]) & mask;
                while (slotPosition[i] != 0) {
                    i = (i + 1) & mask;
                }
                slotHash[i] = oldHash[j];
                slotPosition[i] = p;
                slotOf[p - 1] = i;
            }
        }
    }

    /** Removes the heap entry at {@code position}, whose index slot is already gone. */
    private void removeAt(int position) {
        size--;
        if (position == size) {
            elements[size] = null;
            return;
        }
        copy(size, position);
        elements[size] = null;
        int slot = slotOf[position];
        siftDown(position);
        if (slotPosition[slot] == position + 1) {
            // It did not move down, so it may belong further up (removing from the middle of the heap).
            siftUp(position);
        }
    }

    /** Copies heap entry {@code from} to position {@code to} and points its index slot there. */
    private void copy(int from, int to) {
        elements[to] = elements[from];
        primary[to] = primary[from];
        secondary[to] = secondary[from];
        int slot = slotOf[from];
        slotOf[to] = slot;
        slotPosition[slot] = to + 1;
    }

    /** @return true if the entry at position a orders strictly before the one at b */
    @SuppressWarnings("unchecked")
    private boolean less(int a, int b) {
        long pa = primary[a];
        long pb = primary[b];
        if (pa != pb) {
            return pa < pb;
        }
        long sa = secondary[a];
        long sb = secondary[b];
        if (sa != sb) {
            return sa < sb;
        }
        return order.compare((T) elements[a], (T) elements[b]) < 0;
    }

    private void siftUp(int position) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!less(position, parent)) {
                return;
            }
            swap(position, parent);
            position = parent;
        }
    }

    private void siftDown(int position) {
        int half = size >>> 1;
        while (position < half) {
            int child = 2 * position + 1;
            int right = child + 1;
            if (right < size && less(right, child)) {
                child = right;
            }
            if (!less(child, position)) {
                return;
            }
            swap(position, child);
            position = child;
        }
    }

    private void swap(int a, int b) {
        Object e = elements[a];
        long p = primary[a];
        long s = secondary[a];
        int slotA = slotOf[a];
        int slotB = slotOf[b];
        elements[a] = elements[b];
        primary[a] = primary[b];
        secondary[a] = secondary[b];
        slotOf[a] = slotB;
        slotPosition[slotB] = a + 1;
        elements[b] = e;
        primary[b] = p;
        secondary[b] = s;
        slotOf[b] = slotA;
        slotPosition[slotA] = b + 1;
    }
}
