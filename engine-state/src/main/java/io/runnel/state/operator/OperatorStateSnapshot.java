package io.runnel.state.operator;

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
        UNION
    }

    /**
     * One list.
     *
     * @param mode how it is redistributed
     * @param elements its elements, in order
     */
    public record NamedList(Mode mode, List<Object> elements) {
        public NamedList {
            elements = List.copyOf(elements);
        }
    }

    public OperatorStateSnapshot {
        states = Map.copyOf(states);
    }
}
