package io.runnel.state.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * A stream of snapshot bytes that a restore can read back: a file in checkpoint storage, or bytes small enough to
 * live inline in the checkpoint's metadata. After Flink's {@code StreamStateHandle}.
 *
 * <p><b>Threading:</b> immutable; any thread may open and read it.
 */
public sealed interface StreamStateHandle extends Serializable permits FileStateHandle, ByteStreamStateHandle {

    /**
     * @return a fresh stream over the bytes, positioned at the start
     * @throws IOException naming the file if it is missing or unreadable
     */
    InputStream openInputStream() throws IOException;

    /** @return the number of bytes */
    long stateSize();

    /**
     * Deletes the bytes from storage (nothing for inline bytes).
     *
     * @throws IOException if the file exists but cannot be deleted
     */
    void discardState() throws IOException;
}
