package io.runnel.state;

import io.runnel.api.typeutils.TypeSerializer;
import java.util.Comparator;
import java.util.function.ToIntFunction;

/**
 * How to build a {@link KeyGroupedPriorityQueue}: the order, the key group of an element, and a serializer. A
 * backend that stores elements as bytes relies on the serializer writing bytes whose unsigned lexicographic order
 * within a key group equals {@code order} (timestamps big-endian with the sign bit flipped, then key and
 * namespace bytes).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param order the priority order; least first
 * @param keyGroupOf the key group of an element, in the backend's range
 * @param serializer the element serializer
 * @param <T> the element type
 */
public record PriorityQueueSpec<T>(Comparator<T> order, ToIntFunction<T> keyGroupOf, TypeSerializer<T> serializer) {
}
