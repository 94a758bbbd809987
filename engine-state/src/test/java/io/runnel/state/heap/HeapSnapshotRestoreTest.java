package io.runnel.state.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.heap.HeapSnapshotFixture.Timer;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.KeyedStateHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Copy-on-write snapshots of the heap backend: what a snapshot writes is the state at the moment it was taken,
 * whatever the task thread does before it is materialized, and a restore (also at another parallelism) gives back
 * exactly that state; expected results come from a plain-Java copy of {@link HeapStateModel} taken at the snapshot.
 */
class HeapSnapshotRestoreTest {

    private static final KeyGroupRange ALL = KeyGroupRange.of(0, HeapSnapshotFixture.MAX_PARALLELISM - 1);

    @TempDir
    Path storage;

    private HeapSnapshotFixture fixture;

    private HeapSnapshotFixture fixture() {
        if (fixture == null) {
            fixture = new HeapSnapshotFixture(storage);
        }
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> "k" + i).collect(Collectors.toList());
    }

    private static void randomOperations(HeapStateModel model, HeapStateModel.States states, SplittableRandom random,
                                         List<String> keys, int count) {
        for (int i = 0; i < count; i++) {
            model.randomOperation(states, random, keys.get(random.nextInt(keys.size())));
        }
    }

    /**
     * Also with the window state partitioned by namespace, restored into the other layout: partitions are a layout
     * of the task's memory, not of the snapshot.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void restoreSeesExactlyTheStateAtSnapshotTimeDespiteHeavyWritesAfterIt(boolean partitioned) throws Exception {
        HeapKeyedStateBackend<String> backend = fixture().backend(ALL, List.of());
        HeapStateModel.States states = new HeapStateModel.States(backend, partitioned);
        HeapStateModel model = new HeapStateModel();
        SplittableRandom random = new SplittableRandom(1);
        randomOperations(model, states, random, keys(500), 20_000);

        AsyncSnapshot<KeyedStateHandle> snapshot = backend.snapshot(fixture().streams());
        HeapStateModel atSnapshot = model.copy();
        // Updates, removes, list and map changes, in-place accumulators, and six times as many keys (resizes).
        List<String> moreKeys = keys(3_000);
        randomOperations(model, states, random, moreKeys, 60_000);
        KeyedStateHandle handle = snapshot.materialize();

        assertEquals(0, backend.liveSnapshots());
        model.assertMatches(states, moreKeys);
        HeapKeyedStateBackend<String> restored = fixture().backend(ALL, List.of(handle));
        atSnapshot.assertMatches(new HeapStateModel.States(restored, !partitioned), moreKeys);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void twoLiveSnapshotsEachWriteTheStateOfTheirOwnTime(boolean partitioned) throws Exception {
        HeapKeyedStateBackend<String> backend = fixture().backend(ALL, List.of());
        HeapStateModel.States states = new HeapStateModel.States(backend, partitioned);
        HeapStateModel model = new HeapStateModel();
        SplittableRandom random = new SplittableRandom(2);
        List<String> keys = keys(800);
        randomOperations(model, states, random, keys, 10_000);
        AsyncSnapshot<KeyedStateHandle> first = backend.snapshot(fixture().streams());
        HeapStateModel atFirst = model.copy();
        randomOperations(model, states, random, keys, 10_000);
        AsyncSnapshot<KeyedStateHandle> second = backend.snapshot(fixture().streams());
        HeapStateModel atSecond = model.copy();
        assertEquals(2, backend.liveSnapshots());
        randomOperations(model, states, random, keys, 10_000);

        KeyedStateHandle secondHandle = second.materialize();
        randomOperations(model, states, random, keys, 5_000);
        KeyedStateHandle firstHandle = first.materialize();

        assertEquals(0, backend.liveSnapshots());
        model.assertMatches(states, keys);
        atFirst.assertMatches(new HeapStateModel.States(fixture().backend(ALL, List.of(firstHandle))), keys);
        atSecond.assertMatches(new HeapStateModel.States(fixture().backend(ALL, List.of(secondHandle))), keys);
    }

    @Test
    void cancelReleasesTheSnapshotSoReadsStopCopying() throws Exception {
        HeapKeyedStateBackend<String> backend = fixture().backend(ALL, List.of());
        ValueState<long[]> state = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("a", long[].class));
        backend.setCurrentKey("k");
        long[] stored = {1, 2};
        state.update(stored);

        AsyncSnapshot<KeyedStateHandle> snapshot = backend.snapshot(fixture().streams());
        long[] copy = state.value();
        assertNotSame(stored, copy, "a value a live snapshot reads is copied before it is handed out");
        assertArrayEquals(stored, copy);
        assertSame(copy, state.value(), "the copy is the task thread's own from then on");
        snapshot.cancel();
        snapshot.cancel();
        assertEquals(0, backend.liveSnapshots());

        AsyncSnapshot<KeyedStateHandle> cancelledAtOnce = backend.snapshot(fixture().streams());
        cancelledAtOnce.cancel();
        assertSame(copy, state.value(), "no copy for a snapshot that was cancelled");
        assertEquals(0, backend.liveSnapshots());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void restoresEveryKeyAndTimerAfterScalingFromTwoToThreeAndToOne(boolean partitioned) throws Exception {
        List<HeapKeyedStateBackend<String>> before = List.of(
                fixture().backend(HeapSnapshotFixture.rangeOf(2, 0), List.of()),
                fixture().backend(HeapSnapshotFixture.rangeOf(2, 1), List.of()));
        List<HeapStateModel.States> states = new ArrayList<>();
        List<KeyGroupedPriorityQueue<Timer>> queues = new ArrayList<>();
        for (HeapKeyedStateBackend<String> b : before) {
            states.add(new HeapStateModel.States(b, partitioned));
            queues.add(b.createPriorityQueue("timers", Timer.SPEC));
        }
        HeapStateModel model = new HeapStateModel();
        TreeSet<Timer> timers = new TreeSet<>(Timer.ORDER);
        List<String> keys = keys(1_000);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            String key = keys.get(random.nextInt(keys.size()));
            int subtask = before.get(0).getKeyGroupRange().contains(HeapSnapshotFixture.keyGroupOf(key)) ? 0 : 1;
            model.randomOperation(states.get(subtask), random, key);
            Timer timer = new Timer(random.nextInt(5_000), key);
            assertEquals(timers.add(timer), queues.get(subtask).add(timer));
        }
        List<KeyedStateHandle> handles = List.of(fixture().snapshotNow(before.get(0)),
                fixture().snapshotNow(before.get(1)));

        for (int parallelism : new int[] {3, 1}) {
            for (int index = 0; index < parallelism; index++) {
                KeyGroupRange range = HeapSnapshotFixture.rangeOf(parallelism, index);
                HeapKeyedStateBackend<String> restored = fixture().backend(range,
                        HeapSnapshotFixture.handlesFor(range, handles));
                List<String> own = keys.stream().filter(k -> range.contains(HeapSnapshotFixture.keyGroupOf(k)))
                        .collect(Collectors.toList());
                model.assertMatches(new HeapStateModel.States(restored, !partitioned), own);
                assertTimersOfRange(restored, range, timers);
            }
        }
    }

    private static void assertTimersOfRange(HeapKeyedStateBackend<String> restored, KeyGroupRange range,
                                            TreeSet<Timer> all) {
        KeyGroupedPriorityQueue<Timer> queue = restored.createPriorityQueue("timers", Timer.SPEC);
        for (int keyGroup = range.startKeyGroup(); keyGroup <= range.endKeyGroup(); keyGroup++) {
            int g = keyGroup;
            assertEquals(all.stream().filter(t -> HeapSnapshotFixture.keyGroupOf(t.key()) == g)
                    .collect(Collectors.toSet()), new HashSet<>(queue.elementsOfKeyGroup(g)),
                    "timers of key group " + g);
        }
        List<Timer> expected = all.stream().filter(t -> range.contains(HeapSnapshotFixture.keyGroupOf(t.key())))
                .collect(Collectors.toList());
        List<Timer> polled = new ArrayList<>();
        for (Timer t = queue.poll(); t != null; t = queue.poll()) {
            polled.add(t);
        }
        assertEquals(expected, polled);
    }

    @Test
    void restoredStateAndQueueThatAreNeverRegisteredSurviveTheNextSnapshot() throws Exception {
        HeapKeyedStateBackend<String> first = fixture().backend(ALL, List.of());
        HeapStateModel.States states = new HeapStateModel.States(first);
        HeapStateModel model = new HeapStateModel();
        List<String> keys = keys(300);
        randomOperations(model, states, new SplittableRandom(4), keys, 5_000);
        KeyGroupedPriorityQueue<Timer> queue = first.createPriorityQueue("timers", Timer.SPEC);
        keys.forEach(k -> queue.add(new Timer(k.length() * 10L, k)));

        // The second backend registers one state of six and no queue, changes it, and snapshots.
        HeapKeyedStateBackend<String> second = fixture().backend(ALL, List.of(fixture().snapshotNow(first)));
        ValueState<Long> value = second.getOrCreateKeyedState(new ValueStateDescriptor<>("value", Long.class));
        second.setCurrentKey("k0");
        value.update(-1L);
        KeyedStateHandle handle = fixture().snapshotNow(second);

        HeapKeyedStateBackend<String> third = fixture().backend(ALL, List.of(handle));
        HeapStateModel.States restored = new HeapStateModel.States(third);
        third.setCurrentKey("k0");
        assertEquals(-1L, restored.value.value());
        restored.value.update(valueOf(states, "k0"));
        model.assertMatches(restored, keys);
        KeyGroupedPriorityQueue<Timer> timers = third.createPriorityQueue("timers", Timer.SPEC);
        assertEquals(keys.size(), timers.size());
        assertEquals(new Timer(20, "k0"), timers.peek());
    }

    /** @return the plain value state's value of {@code key} in the backend of {@code states} */
    private static Long valueOf(HeapStateModel.States states, String key) {
        states.backend.setCurrentKey(key);
        return states.value.value();
    }

    @Test
    void snapshotOfAnEmptyBackendIsNullAndOneWithOnlyEmptyStatesRestores() throws Exception {
        HeapKeyedStateBackend<String> backend = fixture().backend(ALL, List.of());
        assertNull(backend.snapshot(fixture().streams()).materialize());
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
        KeyedStateHandle handle = fixture().snapshotNow(backend);
        assertNotNull(handle);
        HeapKeyedStateBackend<String> restored = fixture().backend(ALL, List.of(handle));
        ValueState<Long> again = restored.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
        restored.setCurrentKey("a");
        assertNull(again.value());
        assertEquals(0, restored.numEntries("v"));
    }
}
