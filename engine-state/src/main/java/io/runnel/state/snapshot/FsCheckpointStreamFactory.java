package io.runnel.state.snapshot;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Writes snapshot streams as files of a local (or mounted) file system: exclusive files into the checkpoint's
 * directory, shared ones into the job's {@code shared} directory. A stream that stays below the inline threshold
 * never touches the disk and comes back as a {@link ByteStreamStateHandle}, so small operator state costs no file.
 *
 * <p><b>Threading:</b> thread-safe (immutable); each stream it creates is used by one thread.
 *
 * @param checkpointId the checkpoint (or savepoint) id
 * @param snapshotType checkpoint or savepoint
 * @param exclusiveDir the snapshot's own directory
 * @param sharedDir the directory of shared files; equal to {@code exclusiveDir} for savepoints
 * @param inlineThresholdBytes streams shorter than this many bytes are returned inline
 */
public record FsCheckpointStreamFactory(long checkpointId, SnapshotType snapshotType, Path exclusiveDir,
                                        Path sharedDir, int inlineThresholdBytes) implements CheckpointStreamFactory {

    @Override
    public CheckpointStateOutputStream createExclusiveStream(String nameHint) {
        return new FsOutputStream(exclusiveDir, sanitize(nameHint), inlineThresholdBytes);
    }

    @Override
    public Path sharedDirectory() throws IOException {
        return Files.createDirectories(sharedDir);
    }

    @Override
    public Path exclusiveDirectory() throws IOException {
        return Files.createDirectories(exclusiveDir);
    }

    private static String sanitize(String hint) {
        return hint.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Buffers in memory up to the threshold, then spills to a file and streams the rest into it. */
    private static final class FsOutputStream extends CheckpointStateOutputStream {
        private final Path dir;
        private final String nameHint;
        private final int threshold;
        private ByteArrayOutputStream memory = new ByteArrayOutputStream(256);
        private OutputStream file;
        private Path path;
        private long pos;
        private boolean closed;

        FsOutputStream(Path dir, String nameHint, int threshold) {
            this.dir = dir;
            this.nameHint = nameHint;
            this.threshold = threshold;
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public void write(int b) throws IOException {
            ensureCapacity(1);
            (file != null ? file : memory).write(b);
            pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureCapacity(len);
            (file != null ? file : memory).write(b, off, len);
            pos += len;
        }

        private void ensureCapacity(int more) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (file == null && pos + more >= threshold) {
                Files.createDirectories(dir);
                path = dir.resolve(nameHint + "-" + UUID.randomUUID());
                file = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024);
                memory.writeTo(file);
                memory = null;
            }
        }

        @Override
        public StreamStateHandle closeAndGetHandle() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            closed = true;
            if (file == null) {
                byte[] bytes = memory.toByteArray();
                memory = null;
                return new ByteStreamStateHandle(nameHint, bytes);
            }
            file.close();
            return new FileStateHandle(path, pos);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            memory = null;
            if (file != null) {
                file.close();
                Files.deleteIfExists(path);
            }
        }
    }
}
