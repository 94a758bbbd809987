package io.runnel.state.rocksdb;

import io.runnel.annotation.TaskThread;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStateOutputStream;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.FileStateHandle;
import io.runnel.state.snapshot.IncrementalKeyedStateHandle;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.SnapshotType;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One snapshot of a RocksDB keyed backend: {@link #take} is the synchronous part (a native checkpoint of the
 * database, hard links into a local directory, plus the {@link RocksDBStateMetadata} file), and this object is the
 * asynchronous part that writes those files to checkpoint storage. The split follows Flink's incremental RocksDB
 * snapshots; the file naming and the bookkeeping are Runnel's own.
 *
 * <p><b>Contract:</b> for a {@link SnapshotType#CHECKPOINT}, an SST file is shared: if the backend's
 * {@link RocksDBUploadedFiles#confirmed()} (as of the synchronous part) holds a file of that name and size, the
 * handle refers to that same {@link StreamStateHandle}; otherwise the file is copied to
 * {@code <sharedDirectory>/<backendId>-<checkpointId>-<file name>} (unique per upload, as backend ids are random and
 * a backend snapshots each checkpoint id once). Every other file (MANIFEST, CURRENT, OPTIONS, the metadata) is
 * private, written through {@link CheckpointStreamFactory#createExclusiveStream} (inline if small). For a
 * {@link SnapshotType#SAVEPOINT} every file is private, so the savepoint refers to nothing outside its own
 * directory. The handle maps each file's name inside the database directory to where its bytes are.
 *
 * <p><b>Errors:</b> if writing fails, the files this snapshot wrote are deleted (files it only refers to are
 * not) and the exception propagates, declining the checkpoint.
 *
 * <p><b>Threading:</b> {@link #take} on the task thread; {@link #materialize()} on one async snapshot thread;
 * {@link #cancel()} on any thread. Exactly one of the two is called.
 *
 * <p><b>Lifecycle:</b> the local directory of hard links exists from {@link #take} until {@code materialize} returns
 * or throws, or {@code cancel} returns.
 */
final class RocksDBIncrementalSnapshot implements AsyncSnapshot<KeyedStateHandle> {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBIncrementalSnapshot.class);

    private final String backendId;
    private final KeyGroupRange keyGroupRange;
    private final CheckpointStreamFactory streams;
    /** The local directory holding {@link #checkpointDir}; deleted at the end. */
    private final Path workDir;
    private final Path checkpointDir;
    /** SST files that may be referred to instead of copied; empty for a savepoint. */
    private final Map<String, StreamStateHandle> reusable;
    private final RocksDBUploadedFiles uploadedFiles;

    private RocksDBIncrementalSnapshot(String backendId, KeyGroupRange keyGroupRange, CheckpointStreamFactory streams,
                                       Path workDir, Path checkpointDir, Map<String, StreamStateHandle> reusable,
                                       RocksDBUploadedFiles uploadedFiles) {
        this.backendId = backendId;
        this.keyGroupRange = keyGroupRange;
        this.streams = streams;
        this.workDir = workDir;
        this.checkpointDir = checkpointDir;
        this.reusable = reusable;
        this.uploadedFiles = uploadedFiles;
    }

    /**
     * The synchronous part: takes a native checkpoint of {@code db} (which flushes the memtables; the caller must
     * have flushed its object caches into RocksDB before) into a fresh directory next to the database's, and writes
     * the metadata there.
     *
     * @param backendId names the shared files this backend uploads
     * @param metadata every state and queue of the backend
     * @throws IOException if the directory or the native checkpoint cannot be created; nothing is left behind
     */
    @TaskThread
    static RocksDBIncrementalSnapshot take(String backendId, KeyGroupRange keyGroupRange, RocksDBResources db,
                                           RocksDBStateMetadata metadata, CheckpointStreamFactory streams,
                                           RocksDBUploadedFiles uploadedFiles) throws IOException {
        Path dbDir = db.directory().toAbsolutePath();
        // Next to the database, so that the native checkpoint can hard-link (same file system).
        Path workDir = Files.createTempDirectory(dbDir.getParent(), dbDir.getFileName() + "-chk-"
                + streams.checkpointId() + "-");
        try {
            Path checkpointDir = workDir.resolve("db");
            db.createCheckpoint(checkpointDir);
            try (OutputStream out = Files.newOutputStream(checkpointDir.resolve(RocksDBStateMetadata.FILE_NAME))) {
                metadata.write(out);
            }
            Map<String, StreamStateHandle> reusable = streams.snapshotType() == SnapshotType.CHECKPOINT
                    ? uploadedFiles.confirmed() : Map.of();
            return new RocksDBIncrementalSnapshot(backendId, keyGroupRange, streams, workDir, checkpointDir,
                    reusable, uploadedFiles);
        } catch (IOException | RuntimeException e) {
            RocksDBFiles.deleteQuietly(workDir);
            throw e;
        }
    }

    /**
     * Writes the files to checkpoint storage and records the SST files a checkpoint refers to in the backend's
     * {@link RocksDBUploadedFiles}, to be reused once the checkpoint completes.
     */
    @Override
    public KeyedStateHandle materialize() throws Exception {
        boolean incremental = streams.snapshotType() == SnapshotType.CHECKPOINT;
        List<StreamStateHandle> written = new ArrayList<>();
        try {
            Map<String, StreamStateHandle> shared = new HashMap<>();
            Map<String, StreamStateHandle> own = new HashMap<>();
            for (Path file : RocksDBFiles.listFiles(checkpointDir)) {
                String name = file.getFileName().toString();
                if (incremental && RocksDBFiles.isSstFile(name)) {
                    shared.put(name, sharedFile(file, name, written));
                } else {
                    own.put(name, privateFile(file, name, written));
                }
            }
            IncrementalKeyedStateHandle handle = new IncrementalKeyedStateHandle(backendId, streams.checkpointId(),
                    keyGroupRange, shared, own);
            if (incremental) {
                uploadedFiles.recordUploads(streams.checkpointId(), shared);
            }
            return handle;
        } catch (Exception | Error e) {
            discardQuietly(written);
            throw e;
        } finally {
            RocksDBFiles.deleteQuietly(workDir);
        }
    }

    /** @return the reusable handle of an unchanged SST file, else the handle of a fresh copy in the shared dir */
    private StreamStateHandle sharedFile(Path file, String name, List<StreamStateHandle> written) throws IOException {
        long size = Files.size(file);
        StreamStateHandle known = reusable.get(name);
        // Names are never reused within one database, so the size check only guards against a foreign file.
        if (known != null && known.stateSize() == size) {
            return known;
        }
        Path target = streams.sharedDirectory().resolve(backendId + "-" + streams.checkpointId() + "-" + name);
        Files.copy(file, target);
        FileStateHandle uploaded = new FileStateHandle(target, size);
        written.add(uploaded);
        return uploaded;
    }

    private StreamStateHandle privateFile(Path file, String name, List<StreamStateHandle> written)
            throws IOException {
        try (CheckpointStateOutputStream out = streams.createExclusiveStream(backendId + "-" + name)) {
            Files.copy(file, out);
            StreamStateHandle handle = out.closeAndGetHandle();
            written.add(handle);
            return handle;
        }
    }

    private static void discardQuietly(List<StreamStateHandle> written) {
        for (StreamStateHandle handle : written) {
            try {
                handle.discardState();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not delete {} of a failed RocksDB snapshot", handle, e);
            }
        }
    }

    /** Deletes the local hard links; the database keeps its own. */
    @Override
    public void cancel() {
        RocksDBFiles.deleteQuietly(workDir);
    }

    /** @return the local directory of the native checkpoint; for tests */
    Path checkpointDirectory() {
        return checkpointDir;
    }
}
