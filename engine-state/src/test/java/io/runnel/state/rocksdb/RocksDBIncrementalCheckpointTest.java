package io.runnel.state.rocksdb;

import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.entries;
import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.fileCount;
import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.keysInRange;
import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental checkpoints of the RocksDB keyed backend: which SST files a checkpoint uploads and which it refers to
 * again, depending on what the backend was told about earlier checkpoints. Counts files in the shared directory.
 */
class RocksDBIncrementalCheckpointTest {

    private static final KeyGroupRange ALL = KeyGroupRange.of(0, 127);

    @TempDir
    Path root;

    private RocksDBSnapshotFixture fixture;
    private final KeyedStateModel model = new KeyedStateModel();
    private final List<Integer> keys = keysInRange(ALL, 200);

    @BeforeEach
    void createFixture() {
        fixture = new RocksDBSnapshotFixture(root);
    }

    @AfterEach
    void closeBackends() {
        fixture.close();
    }

    /** A backend whose five states and timer queue each hold data (so each has SST files after a checkpoint). */
    private KeyedStateModel.States filledBackend() throws Exception {
        KeyedStateModel.States states = new KeyedStateModel.States(fixture.backend(ALL, List.of()));
        model.apply(states, keys, new SplittableRandom(11), 10_000);
        return states;
    }

    /** Changes one value: the next checkpoint's memtable flush writes one new SST file, of the value state. */
    private void changeALittle(KeyedStateModel.States states, int round) {
        model.updateValue(states, keys.get(round), 1L, "changed in round " + round);
    }

    @Test
    void aCheckpointAfterACompletedOneRefersToItsUnchangedFilesAndUploadsOnlyNewOnes() throws Exception {
        KeyedStateModel.States states = filledBackend();
        IncrementalKeyedStateHandle first = snapshot(states.backend, fixture.checkpoint(1));
        assertTrue(first.sharedFiles().size() >= 6, "one SST file per state and queue: " + first.sharedFiles());
        assertEquals(first.sharedFiles().size(), fileCount(fixture.sharedDirectory()));
        states.backend.notifyCheckpointComplete(1);

        changeALittle(states, 0);
        IncrementalKeyedStateHandle second = snapshot(states.backend, fixture.checkpoint(2));

        Set<String> unchanged = new HashSet<>(second.sharedFiles().keySet());
        unchanged.retainAll(first.sharedFiles().keySet());
        assertEquals(first.sharedFiles().keySet(), unchanged, "no SST file of checkpoint 1 was compacted away");
        for (String name : unchanged) {
            assertSame(first.sharedFiles().get(name), second.sharedFiles().get(name), name + " is referred to again");
        }
        Set<String> added = new HashSet<>(second.sharedFiles().keySet());
        added.removeAll(first.sharedFiles().keySet());
        assertEquals(1, added.size(), "the one new SST file: " + added);
        String newFile = ((FileStateHandle) second.sharedFiles().get(added.iterator().next())).path()
                .getFileName().toString();
        assertEquals(states.backend.backendId() + "-2-" + added.iterator().next(), newFile);
        assertEquals(first.sharedFiles().size() + 1, fileCount(fixture.sharedDirectory()),
                "only the new file was uploaded");

        model.verify(new KeyedStateModel.States(fixture.backend(ALL, List.of(second))), keys);
    }

    @Test
    void filesOfACheckpointNotKnownCompleteAreUploadedAgain() throws Exception {
        KeyedStateModel.States states = filledBackend();
        IncrementalKeyedStateHandle first = snapshot(states.backend, fixture.checkpoint(1));
        changeALittle(states, 0);
        IncrementalKeyedStateHandle second = snapshot(states.backend, fixture.checkpoint(2));

        for (StreamStateHandle file : second.sharedFiles().values()) {
            assertFalse(first.sharedFiles().containsValue(file), file + " belongs to checkpoint 1");
        }
        assertEquals(first.sharedFiles().size() + second.sharedFiles().size(),
                fileCount(fixture.sharedDirectory()));
    }

    @Test
    void filesOfAnAbortedCheckpointAreNeverReferredToLater() throws Exception {
        KeyedStateModel.States states = filledBackend();
        IncrementalKeyedStateHandle first = snapshot(states.backend, fixture.checkpoint(1));
        states.backend.notifyCheckpointComplete(1);

        changeALittle(states, 0);
        snapshot(states.backend, fixture.checkpoint(2));
        states.backend.notifyCheckpointAborted(2);
        // Aborted before its async part finished: what it records afterwards is ignored too.
        changeALittle(states, 1);
        AsyncSnapshot<KeyedStateHandle> third = states.backend.snapshot(fixture.checkpoint(3));
        states.backend.notifyCheckpointAborted(3);
        third.materialize();
        assertEquals(0, states.backend.uploadedFiles().pendingCheckpoints(), "aborted uploads are forgotten");

        changeALittle(states, 2);
        IncrementalKeyedStateHandle fourth = snapshot(states.backend, fixture.checkpoint(4));
        String id = states.backend.backendId();
        for (StreamStateHandle file : fourth.sharedFiles().values()) {
            String name = ((FileStateHandle) file).path().getFileName().toString();
            assertTrue(name.startsWith(id + "-1-") || name.startsWith(id + "-4-"), name);
        }
        assertTrue(fourth.sharedFiles().values().containsAll(first.sharedFiles().values()),
                "the completed checkpoint's files are still referred to");
        model.verify(new KeyedStateModel.States(fixture.backend(ALL, List.of(fourth))), keys);
    }

    @Test
    void theLatestCompletedCheckpointIsTheBaseNotAnOlderOne() throws Exception {
        KeyedStateModel.States states = filledBackend();
        snapshot(states.backend, fixture.checkpoint(1));
        changeALittle(states, 0);
        IncrementalKeyedStateHandle second = snapshot(states.backend, fixture.checkpoint(2));
        // Completion notices may come late and out of order; an older one must not replace a newer base.
        states.backend.notifyCheckpointComplete(2);
        states.backend.notifyCheckpointComplete(1);
        assertEquals(2, states.backend.uploadedFiles().confirmedCheckpointId());

        changeALittle(states, 1);
        IncrementalKeyedStateHandle third = snapshot(states.backend, fixture.checkpoint(3));
        assertTrue(third.sharedFiles().values().containsAll(second.sharedFiles().values()));
    }

    @Test
    void aCheckpointAfterAWholeRestoreRefersToTheRestoredFiles() throws Exception {
        KeyedStateModel.States states = filledBackend();
        IncrementalKeyedStateHandle first = snapshot(states.backend, fixture.checkpoint(1));
        states.backend.close();

        KeyedStateModel.States restored = new KeyedStateModel.States(fixture.backend(ALL, List.of(first)));
        changeALittle(restored, 0);
        IncrementalKeyedStateHandle second = snapshot(restored.backend, fixture.checkpoint(2));
        for (String name : first.sharedFiles().keySet()) {
            assertEquals(first.sharedFiles().get(name), second.sharedFiles().get(name), name);
        }
        assertEquals(first.sharedFiles().size() + 1, fileCount(fixture.sharedDirectory()));
        model.verify(new KeyedStateModel.States(fixture.backend(ALL, List.of(second))), keys);
    }

    @Test
    void aCheckpointAfterARescaledRestoreUploadsItsOwnFiles() throws Exception {
        KeyedStateModel.States states = filledBackend();
        IncrementalKeyedStateHandle first = snapshot(states.backend, fixture.checkpoint(1));

        RocksDBKeyedStateBackend<Integer> half = fixture.backend(KeyGroupRange.of(0, 63), List.of(first));
        IncrementalKeyedStateHandle second = snapshot(half, fixture.checkpoint(2));
        for (StreamStateHandle file : second.sharedFiles().values()) {
            assertFalse(first.sharedFiles().containsValue(file), file.toString());
        }
    }

    @Test
    void aFailedUploadDeletesWhatItWroteAndTheNextCheckpointStartsAfresh() throws Exception {
        KeyedStateModel.States states = filledBackend();
        CheckpointStreamFactory good = fixture.checkpoint(1);
        CheckpointStreamFactory failing = new FailingPrivateFiles(good);
        AsyncSnapshot<KeyedStateHandle> async = states.backend.snapshot(failing);
        IOException e = assertThrows(IOException.class, async::materialize);
        assertEquals("no space left (test)", e.getMessage());
        assertEquals(0, fileCount(fixture.sharedDirectory()), "the SST files it uploaded are deleted");
        assertEquals(1, entries(fixture.localDirectory()).size(), "only the database directory is left");
        states.backend.notifyCheckpointComplete(1);

        IncrementalKeyedStateHandle second = snapshot(states.backend, fixture.checkpoint(2));
        assertEquals(second.sharedFiles().size(), fileCount(fixture.sharedDirectory()));
        assertNotEquals(0, second.sharedFiles().size());
        model.verify(new KeyedStateModel.States(fixture.backend(ALL, List.of(second))), keys);
    }

    /** Checkpoint streams whose private files cannot be written (shared ones can). */
    private record FailingPrivateFiles(CheckpointStreamFactory delegate) implements CheckpointStreamFactory {

        @Override
        public long checkpointId() {
            return delegate.checkpointId();
        }

        @Override
        public SnapshotType snapshotType() {
            return delegate.snapshotType();
        }

        @Override
        public CheckpointStateOutputStream createExclusiveStream(String nameHint) throws IOException {
            throw new IOException("no space left (test)");
        }

        @Override
        public Path sharedDirectory() throws IOException {
            return delegate.sharedDirectory();
        }

        @Override
        public Path exclusiveDirectory() throws IOException {
            return delegate.exclusiveDirectory();
        }
    }
}
