package io.runnel.state.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream of snapshot bytes that tells its position (for per-key-group offsets) and ends in a handle.
 * Implementations keep small streams in memory and return them inline ({@link ByteStreamStateHandle}).
 *
 * <p><b>Threading:</b> one thread at a time.
 */
public abstract class CheckpointStateOutputStream extends OutputStream {

    /** @return the number of bytes written so far */
    public abstract long getPos();

    /**
     * Closes the stream and returns a handle to what was written.
     *
     * @return the handle
     * @throws IOException if the bytes cannot be flushed to storage
     */
    public abstract StreamStateHandle closeAndGetHandle() throws IOException;

    /** Closes the stream and deletes what was written (the snapshot was cancelled or failed). */
    @Override
    public abstract void close() throws IOException;
}
