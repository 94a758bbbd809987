package io.runnel.state.rocksdb;

import io.runnel.state.KeyGroupRange;
import io.runnel.state.snapshot.IncrementalKeyedStateHandle;
import io.runnel.state.snapshot.KeyGroupsStateHandle;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Opens the database of a new RocksDB keyed backend from the snapshot handles it is given, in one of two ways:
 * <ul>
 *   <li><b>whole</b>: one handle whose key-group range equals the backend's (a restart at the same parallelism):
 *   its files are hard-linked (SST files) or copied into the backend's directory and opened as they are;</li>
 *   <li><b>rescaled</b>: several handles, or one whose range differs: a fresh database gets, from each handle's
 *   files opened read-only in a temporary directory, the entries of every column family whose key-group prefix lies
 *   in the backend's range; the temporary database is then closed and deleted.</li>
 * </ul>
 * No handles means a fresh, empty database. The two ways follow Flink's RocksDB incremental restore; Flink also
 * clips a handle that covers the whole range instead of copying, which this does not do yet.
 *
 * <p><b>Errors:</b> a {@link KeyGroupsStateHandle} (the heap backend's format) is rejected with
 * {@link IllegalArgumentException}; a missing snapshot file is an {@link IOException} naming it; a snapshot of another
 * max parallelism, or two handles that disagree on a state's kind, is an {@link IllegalStateException}. On every
 * failure every native object opened so far is closed and the backend's directory is deleted.
 *
 * <p><b>Threading:</b> stateless; runs on the thread that creates the backend.
 */
final class RocksDBRestoreOperation {

    private RocksDBRestoreOperation() {
    }

    /**
     * What a restore produced: the open database, its states and queues, and the SST files of checkpoint storage
     * that its files are copies of (so the first checkpoint after a whole restore uploads only new files).
     *
     * @param resources the opened database, owned by whoever receives this
     * @param columns the restored states and queues by name; empty for a fresh start
     * @param uploadedFiles the reusable files: the handle's shared files after a whole restore, else none
     */
    record Restored(RocksDBResources resources, Map<String, RocksDBStateMetadata.Column> columns,
                    RocksDBUploadedFiles uploadedFiles) {
    }

    /**
     * @param directory the backend's new, empty database directory
     * @param memoryBudgetBytes the backend's native memory budget (see {@link RocksDBResources})
     * @param range the backend's key groups
     * @param handles the handles whose ranges intersect {@code range} (others are ignored)
     * @throws IllegalArgumentException if a handle was taken by the heap backend
     * @throws IOException if a file is missing or unreadable, or RocksDB cannot open the files
     */
    static Restored restore(Path directory, long memoryBudgetBytes, KeyGroupRange range, int maxParallelism,
                            List<KeyedStateHandle> handles) throws IOException {
        List<IncrementalKeyedStateHandle> relevant;
        try {
            relevant = relevantHandles(handles, range);
        } catch (RuntimeException e) {
            RocksDBFiles.deleteQuietly(directory);
            throw e;
        }
        if (relevant.isEmpty()) {
            return new Restored(RocksDBResources.open(directory, memoryBudgetBytes), Map.of(),
                    new RocksDBUploadedFiles(Map.of(), -1));
        }
        if (relevant.size() == 1 && relevant.get(0).keyGroupRange().equals(range)) {
            return restoreWhole(directory, memoryBudgetBytes, maxParallelism, relevant.get(0));
        }
        return restoreRescaled(directory, memoryBudgetBytes, range, maxParallelism, relevant);
    }

    private static List<IncrementalKeyedStateHandle> relevantHandles(List<KeyedStateHandle> handles,
                                                                     KeyGroupRange range) {
        List<IncrementalKeyedStateHandle> relevant = new ArrayList<>();
        for (KeyedStateHandle handle : handles) {
            if (handle instanceof KeyGroupsStateHandle) {
                throw new IllegalArgumentException("The keyed state snapshot of " + handle.keyGroupRange()
                        + " was taken by the heap backend (state.backend: hashmap, a full key-group snapshot); the "
                        + "RocksDB backend restores only its own snapshots. Restore with the heap backend.");
            }
            IncrementalKeyedStateHandle incremental = (IncrementalKeyedStateHandle) handle;
            if (incremental.keyGroupRange().intersection(range).numberOfKeyGroups() > 0) {
                relevant.add(incremental);
            }
        }
        return relevant;
    }

    private static Restored restoreWhole(Path directory, long memoryBudgetBytes, int maxParallelism,
                                         IncrementalKeyedStateHandle handle) throws IOException {
        RocksDBStateMetadata metadata;
        try {
            metadata = readMetadata(handle, maxParallelism);
            restoreFiles(handle, directory);
        } catch (IOException | RuntimeException e) {
            RocksDBFiles.deleteQuietly(directory);
            throw e;
        }
        RocksDBResources resources = RocksDBResources.openExisting(directory, memoryBudgetBytes, false);
        try {
            for (RocksDBStateMetadata.Column column : metadata.columns()) {
                sourceColumn(resources, column, handle);
            }
            return new Restored(resources, byName(metadata),
                    new RocksDBUploadedFiles(handle.sharedFiles(), handle.checkpointId()));
        } catch (IOException | RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    private static Restored restoreRescaled(Path directory, long memoryBudgetBytes, KeyGroupRange range,
                                            int maxParallelism, List<IncrementalKeyedStateHandle> handles)
            throws IOException {
        RocksDBResources target = RocksDBResources.open(directory, memoryBudgetBytes);
        try {
            Map<String, RocksDBStateMetadata.Column> columns = new LinkedHashMap<>();
            for (IncrementalKeyedStateHandle handle : handles) {
                copyInto(target, columns, handle, range, maxParallelism);
            }
            return new Restored(target, columns, new RocksDBUploadedFiles(Map.of(), -1));
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
    }

    /**
     * Opens the handle's files read-only in a temporary directory next to {@code target}'s and copies the entries of
     * {@code range} of every column family; adds the handle's columns to {@code columns}.
     */
    private static void copyInto(RocksDBResources target, Map<String, RocksDBStateMetadata.Column> columns,
                                 IncrementalKeyedStateHandle handle, KeyGroupRange range, int maxParallelism)
            throws IOException {
        RocksDBStateMetadata metadata = readMetadata(handle, maxParallelism);
        for (RocksDBStateMetadata.Column column : metadata.columns()) {
            RocksDBStateMetadata.Column known = columns.putIfAbsent(column.name(), column);
            if (known != null && !known.equals(column)) {
                throw new IllegalStateException("The snapshots disagree on '" + column.name() + "': one holds "
                        + known.describe() + ", another " + column.describe());
            }
        }
        Path dbDir = target.directory().toAbsolutePath();
        Path tempDir = Files.createTempDirectory(dbDir.getParent(), dbDir.getFileName() + "-restore-");
        try {
            restoreFiles(handle, tempDir);
        } catch (IOException | RuntimeException e) {
            RocksDBFiles.deleteQuietly(tempDir);
            throw e;
        }
        KeyGroupRange overlap = range.intersection(handle.keyGroupRange());
        byte[] lower = RocksDBRangeIterator.keyGroupPrefix(overlap.startKeyGroup());
        byte[] upper = RocksDBRangeIterator.keyGroupPrefix(overlap.endKeyGroup() + 1);
        // Read-only: nothing is flushed or compacted in a copy that lives for one scan; close() deletes it.
        long tempBudget = Math.max(EmbeddedRocksDBStateBackend.MIN_MANAGED_MEMORY_BYTES,
                target.memoryBudgetBytes() / 4);
        try (RocksDBResources source = RocksDBResources.openExisting(tempDir, tempBudget, true)) {
            for (RocksDBStateMetadata.Column column : metadata.columns()) {
                ColumnFamilyHandle from = sourceColumn(source, column, handle);
                ColumnFamilyHandle to = target.columnFamily(column.columnFamily());
                if (to == null) {
                    to = target.createColumnFamily(column.columnFamily());
                }
                source.copyRange(from, lower, upper, target, to);
            }
        }
    }

    private static ColumnFamilyHandle sourceColumn(RocksDBResources db, RocksDBStateMetadata.Column column,
                                                   IncrementalKeyedStateHandle handle) throws IOException {
        ColumnFamilyHandle found = db.columnFamily(column.columnFamily());
        if (found == null) {
            throw new IOException("The RocksDB snapshot of " + handle.keyGroupRange() + " (checkpoint "
                    + handle.checkpointId() + ") lists " + column.describe() + " but has no column family '"
                    + column.columnFamily() + "'");
        }
        return found;
    }

    /**
     * @throws IOException if the handle has no metadata file or it cannot be read
     * @throws IllegalStateException if the snapshot's max parallelism differs (its key groups mean other keys)
     */
    private static RocksDBStateMetadata readMetadata(IncrementalKeyedStateHandle handle, int maxParallelism)
            throws IOException {
        StreamStateHandle file = handle.privateFiles().get(RocksDBStateMetadata.FILE_NAME);
        String what = "the RocksDB snapshot of " + handle.keyGroupRange() + " (checkpoint " + handle.checkpointId()
                + ", backend " + handle.backendId() + ")";
        if (file == null) {
            throw new IOException("The state metadata file " + RocksDBStateMetadata.FILE_NAME + " of " + what
                    + " is missing from its handle");
        }
        RocksDBStateMetadata metadata;
        try (InputStream in = file.openInputStream()) {
            metadata = RocksDBStateMetadata.read(in, "The state metadata " + file + " of " + what);
        }
        if (metadata.maxParallelism() != maxParallelism) {
            throw new IllegalStateException("Cannot restore " + what + ": it was taken with max parallelism "
                    + metadata.maxParallelism() + " and is restored with " + maxParallelism
                    + "; keys fall into other key groups then");
        }
        return metadata;
    }

    /** Puts every database file of the handle (not the metadata) into {@code directory} under its own name. */
    private static void restoreFiles(IncrementalKeyedStateHandle handle, Path directory) throws IOException {
        Map<String, StreamStateHandle> files = new LinkedHashMap<>(handle.sharedFiles());
        files.putAll(handle.privateFiles());
        files.remove(RocksDBStateMetadata.FILE_NAME);
        Path dir = directory.toAbsolutePath().normalize();
        for (Map.Entry<String, StreamStateHandle> file : files.entrySet()) {
            String name = file.getKey();
            Path target = dir.resolve(name).normalize();
            if (!dir.equals(target.getParent())) {
                throw new IOException("The RocksDB snapshot of checkpoint " + handle.checkpointId()
                        + " names a file outside its directory: " + name);
            }
            RocksDBFiles.restoreFile(file.getValue(), name, target);
        }
    }

    private static Map<String, RocksDBStateMetadata.Column> byName(RocksDBStateMetadata metadata) {
        Map<String, RocksDBStateMetadata.Column> columns = new LinkedHashMap<>();
        for (RocksDBStateMetadata.Column column : metadata.columns()) {
            columns.put(column.name(), column);
        }
        return columns;
    }
}
