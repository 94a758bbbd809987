package io.runnel.state.snapshot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where one subtask writes the bytes of one snapshot: streams into the checkpoint's own directory, and a
 * directory for files shared between checkpoints (incremental snapshots). After Flink's
 * {@code CheckpointStreamFactory}.
 *
 * <p><b>Threading:</b> thread-safe; streams are created on the task thread or the async snapshot threads and each
 * is then used by one thread.
 */
public interface CheckpointStreamFactory {

    /** @return the checkpoint (or savepoint) id */
    long checkpointId();

    /** @return whether this is a checkpoint or a self-contained savepoint */
    SnapshotType snapshotType();

    /**
     * @param nameHint a short name for the file (operator, state), for people reading the directory
     * @return a new stream into a fresh file of this snapshot's exclusive directory
     * @throws IOException if the file cannot be created
     */
    CheckpointStateOutputStream createExclusiveStream(String nameHint) throws IOException;

    /**
     * @return the directory for files that later checkpoints may share (created on demand); for a savepoint,
     *     its own exclusive directory
     * @throws IOException if the directory cannot be created
     */
    Path sharedDirectory() throws IOException;

    /**
     * @return a directory belonging to this snapshot alone, for files copied in whole (created on demand)
     * @throws IOException if the directory cannot be created
     */
    Path exclusiveDirectory() throws IOException;

    /**
     * Writes a whole byte array as one exclusive stream.
     *
     * @param nameHint a short name for the file
     * @param bytes the bytes
     * @return the handle (inline if small)
     * @throws IOException if the bytes cannot be written; nothing is left behind then
     */
    default StreamStateHandle writeExclusive(String nameHint, byte[] bytes) throws IOException {
        CheckpointStateOutputStream out = createExclusiveStream(nameHint);
        try {
            out.write(bytes);
            return out.closeAndGetHandle();
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }
}
