package io.runnel.state.rocksdb;

import io.runnel.api.typeutils.BasicSerializers;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.TtlTimeProvider;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.FsCheckpointStreamFactory;
import io.runnel.state.snapshot.IncrementalKeyedStateHandle;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.SnapshotType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates RocksDB keyed backends under one local directory and snapshot streams into one checkpoint storage
 * directory ({@code chk-<id>} exclusive directories, one {@code shared} directory, {@code savepoint-<id>} for
 * savepoints), and closes every backend it created.
 *
 * <p><b>Threading:</b> the test thread only.
 */
final class RocksDBSnapshotFixture implements AutoCloseable {

    static final int MAX_PARALLELISM = 128;
    /** Streams below this many bytes come back inline; CURRENT and the state metadata always do. */
    static final int INLINE_THRESHOLD_BYTES = 512;
    private static final long MEMORY_BYTES = 8L * 1024 * 1024;

    private final Path localDirectory;
    private final Path storage;
    private final List<RocksDBKeyedStateBackend<?>> created = new ArrayList<>();

    /** @param root an empty directory; backends go to {@code root/local}, snapshots to {@code root/storage} */
    RocksDBSnapshotFixture(Path root) {
        this.localDirectory = root.resolve("local");
        this.storage = root.resolve("storage");
    }

    /** @return a backend with Integer keys over {@code range} of {@value #MAX_PARALLELISM}, restored from handles */
    RocksDBKeyedStateBackend<Integer> backend(KeyGroupRange range, List<KeyedStateHandle> restore)
            throws Exception {
        return backend(range, EmbeddedRocksDBStateBackend.DEFAULT_CACHE_ENTRIES, restore);
    }

    /** @param cacheEntries the object cache entries per value, reducing and aggregating state */
    RocksDBKeyedStateBackend<Integer> backend(KeyGroupRange range, int cacheEntries, List<KeyedStateHandle> restore)
            throws Exception {
        EmbeddedRocksDBStateBackend factory = new EmbeddedRocksDBStateBackend(localDirectory, MEMORY_BYTES,
                cacheEntries);
        RocksDBKeyedStateBackend<Integer> backend = (RocksDBKeyedStateBackend<Integer>)
                factory.createKeyedStateBackend(parameters(range, restore));
        created.add(backend);
        return backend;
    }

    /** @return the parameters {@link #backend} uses, for tests that call the factory themselves */
    KeyedStateBackendParameters<Integer> parameters(KeyGroupRange range, List<KeyedStateHandle> restore) {
        return new KeyedStateBackendParameters<>("op", range, MAX_PARALLELISM,
                BasicSerializers.IntSerializer.INSTANCE, getClass().getClassLoader(), TtlTimeProvider.SYSTEM,
                restore);
    }

    /** @return the factory of backends that {@link #backend} uses */
    EmbeddedRocksDBStateBackend stateBackend() {
        return new EmbeddedRocksDBStateBackend(localDirectory, MEMORY_BYTES);
    }

    /** @return streams of checkpoint {@code id}: exclusive dir {@code chk-<id>}, shared dir {@code shared} */
    CheckpointStreamFactory checkpoint(long id) {
        return new FsCheckpointStreamFactory(id, SnapshotType.CHECKPOINT, storage.resolve("chk-" + id),
                sharedDirectory(), INLINE_THRESHOLD_BYTES);
    }

    /** @return streams of savepoint {@code id}, all into {@code savepoint-<id>} */
    CheckpointStreamFactory savepoint(long id) {
        Path dir = savepointDirectory(id);
        return new FsCheckpointStreamFactory(id, SnapshotType.SAVEPOINT, dir, dir, INLINE_THRESHOLD_BYTES);
    }

    Path savepointDirectory(long id) {
        return storage.resolve("savepoint-" + id);
    }

    Path sharedDirectory() {
        return storage.resolve("shared");
    }

    Path localDirectory() {
        return localDirectory;
    }

    /** Takes both parts of a snapshot on the test thread. */
    static IncrementalKeyedStateHandle snapshot(RocksDBKeyedStateBackend<?> backend, CheckpointStreamFactory streams)
            throws Exception {
        AsyncSnapshot<KeyedStateHandle> async = backend.snapshot(streams);
        return (IncrementalKeyedStateHandle) async.materialize();
    }

    /** @return the number of regular files in {@code dir}; 0 if it does not exist */
    static long fileCount(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** @return the names of the entries directly under {@code dir}; empty if it does not exist */
    static List<String> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** @return the first {@code wanted} non-negative ints whose key group lies in {@code range} */
    static List<Integer> keysInRange(KeyGroupRange range, int wanted) {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; keys.size() < wanted; i++) {
            if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(i, MAX_PARALLELISM))) {
                keys.add(i);
            }
        }
        return keys;
    }

    /** Closes every backend created; closing twice is allowed. */
    @Override
    public void close() {
        for (RocksDBKeyedStateBackend<?> backend : created) {
            backend.close();
        }
        created.clear();
    }
}
