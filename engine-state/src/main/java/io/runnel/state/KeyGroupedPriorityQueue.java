package io.runnel.state;

import java.util.List;

/**
 * A priority queue of distinct elements held by a keyed backend, so that timers live next to the state they
 * belong to and are snapshotted per key group. Adding an element that is already queued changes nothing. After
 * Flink's {@code KeyGroupedInternalPriorityQueue}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the element type; equal elements (by {@code equals}, or equal bytes for serialized queues) are one
 */
public interface KeyGroupedPriorityQueue<T> {

    /** @return the least element, or null if empty */
    T peek();

    /** @return the least element, removed, or null if empty */
    T poll();

    /** @return true if the element was not queued before */
    boolean add(T element);

    /** @return true if the element was queued */
    boolean remove(T element);

    /** @return the number of queued elements */
    int size();

    /** @return true if nothing is queued */
    default boolean isEmpty() {
        return size() == 0;
    }

    /** @return a copy of the queued elements of one key group, in no particular order (for snapshots) */
    List<T> elementsOfKeyGroup(int keyGroup);
}
