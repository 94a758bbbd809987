package io.runnel.state.operator;

import io.runnel.api.typeutils.TypeSerializer;
import java.util.List;
import java.util.Map;

/**
 * The operator state of one parallel instance at a point in time: per state name, its redistribution mode and a
 * copy of its elements in order.
 *
 * <p><b>Threading:</b> immutable (the lists are unmodifiable copies; the elements themselves are shared).
 *
 * @param states the named lists
 */
public record OperatorStateSnapshot(Map<String, NamedList> states) {

    /** How a list is dealt out on restore. */
    public enum Mode {
        /** The elements of all instances are concatenated and split into even, contiguous shares. */
        SPLIT_DISTRIBUTE,
        /** Every instance gets the elements of all instances. */
        UNION,
        /**
         * Every instance holds the same elements (broadcast state): new instance i gets the list of old instance
         * {@code i mod oldParallelism}.
         */
        BROADCAST
    }

    /**
     * One list.
     *
     * @param mode how it is redistributed
     * @param elements its elements, in order
     * @param serializer the elements' serializer (what a snapshot writes them with), or null for lists that are
     *     never written (tests of redistribution)
     */
    public record NamedList(Mode mode, List<Object> elements, TypeSerializer<Object> serializer) {
        public NamedList {
            elements = List.copyOf(elements);
        }

        /** A list without a serializer. */
        public NamedList(Mode mode, List<Object> elements) {
            this(mode, elements, null);
        }
    }

    public OperatorStateSnapshot {
        states = Map.copyOf(states);
    }
}
