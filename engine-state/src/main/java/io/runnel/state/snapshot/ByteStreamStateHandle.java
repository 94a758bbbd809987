package io.runnel.state.snapshot;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Snapshot bytes small enough to be kept inline in the checkpoint's metadata file instead of a file of their own
 * (Flink's {@code ByteStreamStateHandle}; the threshold is {@code state.storage.fs.memory-threshold}).
 *
 * <p><b>Threading:</b> immutable (the array is never written after construction).
 *
 * @param name a name for errors
 * @param data the bytes
 */
public record ByteStreamStateHandle(String name, byte[] data) implements StreamStateHandle {

    @Override
    public InputStream openInputStream() {
        return new ByteArrayInputStream(data);
    }

    @Override
    public long stateSize() {
        return data.length;
    }

    @Override
    public void discardState() {
        // Inline bytes go away with the metadata that holds them.
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteStreamStateHandle other && name.equals(other.name) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ByteStreamStateHandle[" + name + ", " + data.length + " bytes]";
    }
}
