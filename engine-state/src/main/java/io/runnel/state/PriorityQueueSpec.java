package io.runnel.state;

import io.runnel.api.typeutils.TypeSerializer;
import java.util.Comparator;
import java.util.function.ToIntFunction;

/**
 * How to build a {@link KeyGroupedPriorityQueue}: the order, the key group of an element, a serializer, and
 * optionally {@link SortKeys} that let a heap queue compare elements without reading them. A backend that stores
 * elements as bytes relies on the serializer writing bytes whose unsigned lexicographic order within a key group
 * equals {@code order} (timestamps big-endian with the sign bit flipped, then key and namespace bytes).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param order the priority order; least first
 * @param keyGroupOf the key group of an element, in the backend's range
 * @param serializer the element serializer
 * @param sortKeys two longs per element that agree with {@code order}, or null to compare with {@code order} only
 * @param <T> the element type
 */
public record PriorityQueueSpec<T>(Comparator<T> order, ToIntFunction<T> keyGroupOf, TypeSerializer<T> serializer,
                                   SortKeys<T> sortKeys) {

    /** A spec whose queues compare with {@code order} alone. */
    public PriorityQueueSpec(Comparator<T> order, ToIntFunction<T> keyGroupOf, TypeSerializer<T> serializer) {
        this(order, keyGroupOf, serializer, null);
    }

    /**
     * An element's position in the order as two longs, compared signed, {@code primary} first: whenever the pairs
     * of two elements differ, their order is the queue's order; equal pairs leave the decision to the comparator.
     * A heap queue keeps the pairs in primitive arrays, so a sift reads no element object (for timers: the
     * timestamp, then the key and namespace hash codes).
     *
     * <p><b>Threading:</b> stateless; called on the task thread.
     *
     * @param <T> the element type
     */
    public interface SortKeys<T> {
        /** @return the most significant part of the element's position */
        long primary(T element);

        /** @return the part that orders elements of equal {@link #primary} */
        long secondary(T element);
    }
}
