package io.runnel.state;

import java.io.Serializable;

/**
 * A contiguous, inclusive range of key groups {@code [startKeyGroup, endKeyGroup]} owned by one subtask of a keyed
 * operator. An empty range has {@code endKeyGroup = startKeyGroup - 1}.
 *
 * <p>Invariant: for parallelism p and max parallelism m, the ranges of subtasks 0..p-1 partition {@code [0, m)}
 * (see {@link KeyGroupRangeAssignment#computeKeyGroupRangeForOperatorIndex}).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param startKeyGroup first key group, inclusive
 * @param endKeyGroup last key group, inclusive
 */
public record KeyGroupRange(int startKeyGroup, int endKeyGroup) implements Serializable {

    public KeyGroupRange {
        if (startKeyGroup < 0 || endKeyGroup < startKeyGroup - 1) {
            throw new IllegalArgumentException("invalid key group range [" + startKeyGroup + ", " + endKeyGroup + "]");
        }
    }

    /** @return the range {@code [start, end]} */
    public static KeyGroupRange of(int start, int end) {
        return new KeyGroupRange(start, end);
    }

    /** @return true if {@code keyGroup} lies in the range */
    public boolean contains(int keyGroup) {
        return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
    }

    /** @return the number of key groups in the range */
    public int numberOfKeyGroups() {
        return endKeyGroup - startKeyGroup + 1;
    }

    /** @return the key groups in both ranges (possibly empty) */
    public KeyGroupRange intersection(KeyGroupRange other) {
        int start = Math.max(startKeyGroup, other.startKeyGroup);
        int end = Math.min(endKeyGroup, other.endKeyGroup);
        return end < start ? new KeyGroupRange(start, start - 1) : new KeyGroupRange(start, end);
    }

    @Override
    public String toString() {
        return "KeyGroupRange[" + startKeyGroup + ", " + endKeyGroup + "]";
    }
}
