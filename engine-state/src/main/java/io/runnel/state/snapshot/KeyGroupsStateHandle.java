package io.runnel.state.snapshot;

import io.runnel.state.KeyGroupRange;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A full snapshot of a key-group range in one stream, with the offset of each key group's section so that a
 * restore seeks to the groups it owns (the heap backend's format; Flink's {@code KeyGroupsStateHandle}).
 *
 * <p><b>Threading:</b> immutable (the offsets array is never written after construction).
 *
 * @param keyGroupRange the groups written
 * @param offsets per key group of the range, in order, the byte offset of its section in {@code data}
 * @param data the stream
 */
public record KeyGroupsStateHandle(KeyGroupRange keyGroupRange, long[] offsets, StreamStateHandle data)
        implements KeyedStateHandle {

    /** @throws IllegalArgumentException if there is not one offset per key group */
    public KeyGroupsStateHandle {
        if (offsets.length != keyGroupRange.numberOfKeyGroups()) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + keyGroupRange);
        }
    }

    /** @return the offset of a key group's section */
    public long offsetOf(int keyGroup) {
        return offsets[keyGroup - keyGroupRange.startKeyGroup()];
    }

    @Override
    public long stateSize() {
        return data.stateSize();
    }

    @Override
    public Collection<StreamStateHandle> sharedState() {
        return List.of();
    }

    @Override
    public Collection<StreamStateHandle> privateState() {
        return List.of(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyGroupsStateHandle other && keyGroupRange.equals(other.keyGroupRange)
                && Arrays.equals(offsets, other.offsets) && data.equals(other.data);
    }

    @Override
    public int hashCode() {
        return keyGroupRange.hashCode() * 31 + data.hashCode();
    }

    @Override
    public String toString() {
        return "KeyGroupsStateHandle[" + keyGroupRange + ", " + data + "]";
    }
}
