package io.runnel.state.rocksdb;

import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.entries;
import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.fileCount;
import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.keysInRange;
import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.BasicSerializers;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.TtlTimeProvider;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.ByteStreamStateHandle;
import io.runnel.state.snapshot.FileStateHandle;
import io.runnel.state.snapshot.IncrementalKeyedStateHandle;
import io.runnel.state.snapshot.KeyGroupsStateHandle;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots of the RocksDB keyed backend restored at the same key-group range: every kind of state and the timers
 * come back exactly as a plain-Java model says, as of the synchronous part of the snapshot; savepoints are
 * self-contained; wrong or damaged snapshots fail clearly and leave nothing behind.
 */
class RocksDBSnapshotRestoreTest {

    private static final KeyGroupRange ALL = KeyGroupRange.of(0, 127);

    @TempDir
    Path root;

    private RocksDBSnapshotFixture fixture;

    @BeforeEach
    void createFixture() {
        fixture = new RocksDBSnapshotFixture(root);
    }

    @AfterEach
    void closeBackends() {
        fixture.close();
    }

    @Test
    void restoresEveryKindOfStateInEveryNamespaceAndTheTimers() throws Exception {
        List<Integer> keys = keysInRange(ALL, 300);
        KeyedStateModel model = new KeyedStateModel();
        KeyedStateModel.States before = new KeyedStateModel.States(fixture.backend(ALL, List.of()));
        model.apply(before, keys, new SplittableRandom(1), 20_000);

        IncrementalKeyedStateHandle handle = snapshot(before.backend, fixture.checkpoint(1));
        KeyedStateModel.States after = new KeyedStateModel.States(fixture.backend(ALL, List.of(handle)));
        model.verify(after, keys);

        // The restored backend goes on working: more changes, and another round trip.
        model.apply(after, keys, new SplittableRandom(2), 5_000);
        model.verify(after, keys);
        IncrementalKeyedStateHandle second = snapshot(after.backend, fixture.checkpoint(2));
        model.verify(new KeyedStateModel.States(fixture.backend(ALL, List.of(second))), keys);
    }

    /** The async part runs on another thread while the task thread keeps changing every state. */
    @Test
    void restoreSeesTheStateOfTheSynchronousPartNotLaterChanges() throws Exception {
        List<Integer> keys = keysInRange(ALL, 200);
        KeyedStateModel model = new KeyedStateModel();
        KeyedStateModel.States live = new KeyedStateModel.States(fixture.backend(ALL, List.of()));
        model.apply(live, keys, new SplittableRandom(3), 10_000);

        AsyncSnapshot<KeyedStateHandle> async = live.backend.snapshot(fixture.checkpoint(1));
        KeyedStateModel atSnapshot = model.copy();
        ExecutorService uploader = Executors.newSingleThreadExecutor();
        try {
            Future<KeyedStateHandle> handle = uploader.submit(async::materialize);
            model.apply(live, keys, new SplittableRandom(4), 10_000);
            KeyedStateModel.States restored = new KeyedStateModel.States(fixture.backend(ALL,
                    List.of(handle.get())));
            atSnapshot.verify(restored, keys);
            model.verify(live, keys);
        } finally {
            uploader.shutdownNow();
        }
    }

    @Test
    void valuesStillOnlyInTheObjectCacheAreInTheSnapshot() throws Exception {
        RocksDBKeyedStateBackend<Integer> backend = fixture.backend(ALL, List.of());
        ValueState<String> value = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", String.class));
        List<Integer> keys = keysInRange(ALL, 100);
        for (int key : keys) {
            backend.setCurrentKey(key);
            value.update("cached-" + key);
        }
        assertEquals(100, backend.state("v").cache().dirtyEntries(), "the values are in the cache only");

        IncrementalKeyedStateHandle handle = snapshot(backend, fixture.checkpoint(1));
        // No cache in the restored backend: every read goes to RocksDB.
        RocksDBKeyedStateBackend<Integer> restored = fixture.backend(ALL, 0, List.of(handle));
        ValueState<String> restoredValue = restored.getOrCreateKeyedState(
                new ValueStateDescriptor<>("v", String.class));
        for (int key : keys) {
            restored.setCurrentKey(key);
            assertEquals("cached-" + key, restoredValue.value(), "value of " + key);
        }
    }

    @Test
    void restoredStatesThatNoOneRegistersAgainSurviveTheNextSnapshot() throws Exception {
        List<Integer> keys = keysInRange(ALL, 100);
        KeyedStateModel model = new KeyedStateModel();
        KeyedStateModel.States first = new KeyedStateModel.States(fixture.backend(ALL, List.of()));
        model.apply(first, keys, new SplittableRandom(5), 5_000);
        IncrementalKeyedStateHandle handle1 = snapshot(first.backend, fixture.checkpoint(1));

        RocksDBKeyedStateBackend<Integer> untouched = fixture.backend(ALL, List.of(handle1));
        IncrementalKeyedStateHandle handle2 = snapshot(untouched, fixture.checkpoint(2));

        model.verify(new KeyedStateModel.States(fixture.backend(ALL, List.of(handle2))), keys);
    }

    @Test
    void stateWithTimeToLiveKeepsItsValuesAcrossARestore() throws Exception {
        RocksDBKeyedStateBackend<Integer> backend = fixture.backend(ALL, List.of());
        ValueState<String> value = backend.getOrCreateKeyedState(ttlDescriptor());
        List<Integer> keys = keysInRange(ALL, 50);
        for (int key : keys) {
            backend.setCurrentKey(key);
            value.update("fresh-" + key);
        }
        IncrementalKeyedStateHandle handle = snapshot(backend, fixture.checkpoint(1));

        RocksDBKeyedStateBackend<Integer> restored = fixture.backend(KeyGroupRange.of(0, 63), List.of(handle));
        ValueState<String> restoredValue = restored.getOrCreateKeyedState(ttlDescriptor());
        for (int key : keys) {
            if (!restored.getKeyGroupRange().contains(KeyedStateModel.keyGroupOf(key))) {
                continue;
            }
            restored.setCurrentKey(key);
            assertEquals("fresh-" + key, restoredValue.value(), "value of " + key);
        }
    }

    private static ValueStateDescriptor<String> ttlDescriptor() {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("ttl", String.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(1)).build());
        return descriptor;
    }

    @Test
    void aBackendWithoutStateRestoresEmpty() throws Exception {
        IncrementalKeyedStateHandle handle = snapshot(fixture.backend(ALL, List.of()), fixture.checkpoint(1));
        assertEquals(0, handle.sharedFiles().size());
        for (KeyGroupRange range : List.of(ALL, KeyGroupRange.of(0, 63))) {
            KeyedStateModel.States restored = new KeyedStateModel.States(fixture.backend(range, List.of(handle)));
            new KeyedStateModel().verify(restored, keysInRange(range, 20));
        }
    }

    @Test
    void registeringARestoredNameAsAnotherKindFailsNamingIt() throws Exception {
        RocksDBKeyedStateBackend<Integer> backend = fixture.backend(ALL, List.of());
        KeyedStateModel.States states = new KeyedStateModel.States(backend);
        backend.setCurrentKey(7);
        states.setNamespace(1L);
        states.value.update("seven");
        states.timers.add(new KeyedStateModel.Timer(5, 7));
        IncrementalKeyedStateHandle handle = snapshot(backend, fixture.checkpoint(1));

        RocksDBKeyedStateBackend<Integer> restored = fixture.backend(ALL, List.of(handle));
        IllegalStateException asList = assertThrows(IllegalStateException.class, () -> restored
                .getOrCreateKeyedState(KeyedStateModel.LONG_NAMESPACE, new ListStateDescriptor<>("value", Long.class)));
        assertTrue(asList.getMessage().contains("'value'"), asList.getMessage());
        IllegalStateException asQueue = assertThrows(IllegalStateException.class,
                () -> restored.createPriorityQueue("value", KeyedStateModel.Timer.SPEC));
        assertTrue(asQueue.getMessage().contains("'value'"), asQueue.getMessage());
        IllegalStateException queueAsState = assertThrows(IllegalStateException.class,
                () -> restored.getOrCreateKeyedState(new ValueStateDescriptor<>("timers", String.class)));
        assertTrue(queueAsState.getMessage().contains("'timers'"), queueAsState.getMessage());
        ValueStateDescriptor<String> withTtl = new ValueStateDescriptor<>("value", String.class);
        withTtl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMinutes(1)).build());
        IllegalStateException ttl = assertThrows(IllegalStateException.class,
                () -> restored.getOrCreateKeyedState(KeyedStateModel.LONG_NAMESPACE, withTtl));
        assertTrue(ttl.getMessage().contains("'value'"), ttl.getMessage());

        // The right kind still finds the data after the failed attempts.
        KeyedStateModel.States again = new KeyedStateModel.States(restored);
        restored.setCurrentKey(7);
        again.setNamespace(1L);
        assertEquals("seven", again.value.value());
        assertEquals(new KeyedStateModel.Timer(5, 7), again.timers.poll());
    }

    @Test
    void aSnapshotOfTheHeapBackendIsRejectedClearly() throws Exception {
        KeyGroupsStateHandle heap = new KeyGroupsStateHandle(ALL, new long[ALL.numberOfKeyGroups()],
                new ByteStreamStateHandle("heap", new byte[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fixture.backend(ALL, List.of(heap)));
        assertTrue(e.getMessage().contains("taken by the heap backend"), e.getMessage());
        assertEquals(List.of(), entries(fixture.localDirectory()), "no database directory is left behind");
    }

    @Test
    void aMissingSnapshotFileFailsNamingItAndLeavesNothingBehind() throws Exception {
        RocksDBKeyedStateBackend<Integer> backend = fixture.backend(ALL, List.of());
        new KeyedStateModel().apply(new KeyedStateModel.States(backend), keysInRange(ALL, 50),
                new SplittableRandom(6), 2_000);
        IncrementalKeyedStateHandle handle = snapshot(backend, fixture.checkpoint(1));
        backend.close();
        Path missing = ((FileStateHandle) handle.sharedFiles().values().iterator().next()).path();
        Files.delete(missing);

        IOException whole = assertThrows(IOException.class, () -> fixture.backend(ALL, List.of(handle)));
        assertTrue(whole.getMessage().contains(missing.toString()), whole.getMessage());
        IOException rescaled = assertThrows(IOException.class,
                () -> fixture.backend(KeyGroupRange.of(0, 63), List.of(handle)));
        assertTrue(rescaled.getMessage().contains(missing.toString()), rescaled.getMessage());
        assertEquals(List.of(), entries(fixture.localDirectory()), "no database or temporary directory is left");
    }

    @Test
    void aSnapshotOfAnotherMaxParallelismIsRejected() throws Exception {
        RocksDBKeyedStateBackend<Integer> backend = fixture.backend(ALL, List.of());
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", String.class));
        IncrementalKeyedStateHandle handle = snapshot(backend, fixture.checkpoint(1));
        KeyedStateBackendParameters<Integer> other = new KeyedStateBackendParameters<>("op", ALL, 256,
                BasicSerializers.IntSerializer.INSTANCE, getClass().getClassLoader(), TtlTimeProvider.SYSTEM,
                List.of(handle));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> fixture.stateBackend().createKeyedStateBackend(other));
        assertTrue(e.getMessage().contains("max parallelism 128"), e.getMessage());
    }

    @Test
    void theLocalNativeCheckpointIsDeletedByMaterializeAndByCancel() throws Exception {
        RocksDBKeyedStateBackend<Integer> backend = fixture.backend(ALL, List.of());
        new KeyedStateModel().apply(new KeyedStateModel.States(backend), keysInRange(ALL, 50),
                new SplittableRandom(7), 2_000);
        Path database = backend.getDirectory().getFileName();

        AsyncSnapshot<KeyedStateHandle> cancelled = backend.snapshot(fixture.checkpoint(1));
        assertEquals(2, entries(fixture.localDirectory()).size(), "the database and the native checkpoint");
        cancelled.cancel();
        assertEquals(List.of(database.toString()), entries(fixture.localDirectory()));
        assertEquals(0, fileCount(fixture.sharedDirectory()), "a cancelled snapshot uploads nothing");

        backend.snapshot(fixture.checkpoint(2)).materialize();
        assertEquals(List.of(database.toString()), entries(fixture.localDirectory()));
    }

    @Test
    void aSavepointRefersToNothingOutsideItsOwnDirectoryAndRestores() throws Exception {
        List<Integer> keys = keysInRange(ALL, 100);
        KeyedStateModel model = new KeyedStateModel();
        KeyedStateModel.States states = new KeyedStateModel.States(fixture.backend(ALL, List.of()));
        model.apply(states, keys, new SplittableRandom(8), 5_000);
        // A completed checkpoint first, so that there are shared files a savepoint must not refer to.
        snapshot(states.backend, fixture.checkpoint(1));
        states.backend.notifyCheckpointComplete(1);

        IncrementalKeyedStateHandle savepoint = snapshot(states.backend, fixture.savepoint(2));
        assertEquals(0, savepoint.sharedFiles().size(), "a savepoint shares nothing");
        Path own = fixture.savepointDirectory(2);
        for (StreamStateHandle file : savepoint.privateFiles().values()) {
            if (file instanceof FileStateHandle onDisk) {
                assertTrue(onDisk.path().startsWith(own), onDisk.path() + " is outside " + own);
            }
        }
        assertTrue(savepoint.privateFiles().keySet().stream().anyMatch(RocksDBFiles::isSstFile));

        KeyedStateModel.States restored = new KeyedStateModel.States(fixture.backend(ALL, List.of(savepoint)));
        model.verify(restored, keys);
        // The next checkpoint copies every SST file into the shared directory instead of pointing into the savepoint.
        IncrementalKeyedStateHandle next = snapshot(restored.backend, fixture.checkpoint(3));
        for (StreamStateHandle file : next.sharedFiles().values()) {
            assertTrue(((FileStateHandle) file).path().startsWith(fixture.sharedDirectory()), file.toString());
        }
    }
}
