package io.runnel.state.rocksdb;

import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.MAX_PARALLELISM;
import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.entries;
import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.keysInRange;
import static io.runnel.state.rocksdb.RocksDBSnapshotFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.snapshot.IncrementalKeyedStateHandle;
import io.runnel.state.snapshot.KeyedStateHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores at another parallelism: the snapshots of 2 subtasks (max parallelism 128) restored into 3 and into 1,
 * and back; every key's state and every timer ends up in exactly the subtask that owns its key group.
 */
class RocksDBRescalingTest {

    @TempDir
    Path root;

    private RocksDBSnapshotFixture fixture;
    private final KeyedStateModel model = new KeyedStateModel();
    private final List<Integer> keys = keysInRange(KeyGroupRange.of(0, MAX_PARALLELISM - 1), 600);

    @BeforeEach
    void createFixture() {
        fixture = new RocksDBSnapshotFixture(root);
    }

    @AfterEach
    void closeBackends() {
        fixture.close();
    }

    private static KeyGroupRange rangeOf(int parallelism, int subtask) {
        return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, parallelism, subtask);
    }

    private List<Integer> keysOf(KeyGroupRange range) {
        return keys.stream().filter(k -> range.contains(KeyedStateModel.keyGroupOf(k))).toList();
    }

    /** Creates the subtasks of {@code parallelism}, each restored from the handles that intersect its range. */
    private List<KeyedStateModel.States> restoreAt(int parallelism, List<IncrementalKeyedStateHandle> handles)
            throws Exception {
        List<KeyedStateModel.States> subtasks = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            KeyGroupRange range = rangeOf(parallelism, i);
            List<KeyedStateHandle> relevant = new ArrayList<>();
            for (IncrementalKeyedStateHandle handle : handles) {
                if (handle.keyGroupRange().intersection(range).numberOfKeyGroups() > 0) {
                    relevant.add(handle);
                }
            }
            subtasks.add(new KeyedStateModel.States(fixture.backend(range, relevant)));
        }
        return subtasks;
    }

    private List<IncrementalKeyedStateHandle> snapshotAll(List<KeyedStateModel.States> subtasks, long checkpointId)
            throws Exception {
        List<IncrementalKeyedStateHandle> handles = new ArrayList<>();
        for (KeyedStateModel.States subtask : subtasks) {
            handles.add(snapshot(subtask.backend, fixture.checkpoint(checkpointId)));
        }
        return handles;
    }

    private List<KeyedStateModel.States> twoFilledSubtasks() throws Exception {
        List<KeyedStateModel.States> two = restoreAt(2, List.of());
        for (int i = 0; i < 2; i++) {
            KeyedStateModel.States subtask = two.get(i);
            model.apply(subtask, keysOf(subtask.backend.getKeyGroupRange()), new SplittableRandom(20 + i), 15_000);
        }
        return two;
    }

    @Test
    void twoSubtasksRestoredIntoThreeHoldEveryKeyOfTheirRanges() throws Exception {
        List<IncrementalKeyedStateHandle> handles = snapshotAll(twoFilledSubtasks(), 1);
        assertEquals(List.of(KeyGroupRange.of(0, 63), KeyGroupRange.of(64, 127)),
                handles.stream().map(IncrementalKeyedStateHandle::keyGroupRange).toList());

        List<KeyedStateModel.States> three = restoreAt(3, handles);
        for (KeyedStateModel.States subtask : three) {
            model.verify(subtask, keys);
        }
        // They go on working, and scale back to two.
        for (int i = 0; i < 3; i++) {
            KeyedStateModel.States subtask = three.get(i);
            model.apply(subtask, keysOf(subtask.backend.getKeyGroupRange()), new SplittableRandom(30 + i), 3_000);
        }
        List<IncrementalKeyedStateHandle> threeHandles = snapshotAll(three, 2);
        for (KeyedStateModel.States subtask : restoreAt(2, threeHandles)) {
            model.verify(subtask, keys);
        }
    }

    @Test
    void twoSubtasksRestoredIntoOneHoldEveryKey() throws Exception {
        List<IncrementalKeyedStateHandle> handles = snapshotAll(twoFilledSubtasks(), 1);
        List<KeyedStateModel.States> one = restoreAt(1, handles);
        model.verify(one.get(0), keys);
        // The temporary databases of the two handles are gone; three databases remain (2 + 1).
        assertEquals(3, entries(fixture.localDirectory()).size(), entries(fixture.localDirectory()).toString());
    }

    @Test
    void handlesOutsideTheRangeAreIgnored() throws Exception {
        List<IncrementalKeyedStateHandle> handles = snapshotAll(twoFilledSubtasks(), 1);
        KeyedStateModel.States second = new KeyedStateModel.States(fixture.backend(KeyGroupRange.of(64, 127),
                new ArrayList<>(handles)));
        model.verify(second, keys);
    }
}
