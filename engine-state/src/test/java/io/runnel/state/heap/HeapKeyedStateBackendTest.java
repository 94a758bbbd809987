package io.runnel.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.BasicSerializers;
import io.runnel.state.InternalKvState;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.NamespaceDrainableState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each kind of heap state against a plain-Java reference over random keys. */
class HeapKeyedStateBackendTest {

    private final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(KeyGroupRange.of(0, 127), 128);

    @Test
    void valueReducingAndAggregatingStateMatchReference() {
        ValueState<Long> value = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
        ReducingState<Long> sum = backend.getOrCreateKeyedState(
                new ReducingStateDescriptor<>("r", Long::sum, Long.class));
        AggregatingState<Long, Double> avg = backend.getOrCreateKeyedState(
                new AggregatingStateDescriptor<>("a", new Average(), long[].class));
        Map<String, Long> last = new HashMap<>();
        Map<String, Long> sums = new HashMap<>();
        Map<String, long[]> avgs = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            String key = "k" + random.nextInt(3_000);
            long x = random.nextInt(1_000);
            backend.setCurrentKey(key);
            value.update(x);
            sum.add(x);
            avg.add(x);
            last.put(key, x);
            sums.merge(key, x, Long::sum);
            avgs.computeIfAbsent(key, k -> new long[2])[0] += x;
            avgs.get(key)[1]++;
        }
        for (String key : last.keySet()) {
            backend.setCurrentKey(key);
            assertEquals(last.get(key), value.value());
            assertEquals(sums.get(key), sum.get());
            assertEquals((double) avgs.get(key)[0] / avgs.get(key)[1], avg.get());
        }
        backend.setCurrentKey("never-seen");
        assertNull(value.value());
        assertNull(sum.get());
        assertNull(avg.get());
        assertEquals(last.size(), backend.numEntries("v"));
    }

    /**
     * Draining two of three namespaces visits them namespace by namespace in the order given, each key group by key
     * group with the backend's current key and key group set to each key, hands out a copy of an object a live
     * snapshot still holds, and leaves the third namespace alone.
     */
    @Test
    @SuppressWarnings("unchecked")
    void drainNamespacesVisitsWindowByWindowAndKeysByKeyGroupWithTheCurrentKeySet() throws Exception {
        ListState<Long> list = backend.getOrCreateKeyedState(BasicSerializers.LongSerializer.INSTANCE,
                new ListStateDescriptor<>("windows", Long.class));
        InternalKvState<Long> scoped = (InternalKvState<Long>) list;
        NamespaceDrainableState<String, Long> drainable = (NamespaceDrainableState<String, Long>) list;
        drainable.partitionByNamespace();
        Map<Long, Map<String, List<Long>>> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5_000; i++) {
            String key = "k" + random.nextInt(700);
            long window = 1 + random.nextInt(3);
            long x = random.nextLong();
            backend.setCurrentKey(key);
            scoped.setCurrentNamespace(window);
            list.add(x);
            reference.computeIfAbsent(window, w -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(x);
        }
        int snapshotVersion = backend.copyOnWriteVersions().take();
        StateMap.StateMapSnapshot[][] snapshot =
                ((AbstractHeapState<String, Long, ?>) list).table.snapshot(snapshotVersion);
        Map<Long, Map<String, Object>> drained = new HashMap<>();
        List<Long> windowOrder = new ArrayList<>();
        List<Integer> keyGroups = new ArrayList<>();
        int count = drainable.drainNamespaces(List.of(3L, 1L),
                (key, window, contents) -> {
                    assertSame(key, backend.getCurrentKey());
                    assertEquals(KeyGroupRangeAssignment.assignToKeyGroup(key, 128), backend.getCurrentKeyGroup());
                    if (windowOrder.isEmpty() || !windowOrder.get(windowOrder.size() - 1).equals(window)) {
                        windowOrder.add(window);
                        keyGroups.clear();
                    }
                    keyGroups.add(backend.getCurrentKeyGroup());
                    assertTrue(keyGroups.size() < 2
                            || keyGroups.get(keyGroups.size() - 2) <= backend.getCurrentKeyGroup(), "key group order");
                    ((List<Long>) contents).add(-1L);
                    drained.computeIfAbsent(window, w -> new HashMap<>()).put(key, contents);
                });
        assertEquals(List.of(3L, 1L), windowOrder);
        assertEquals(reference.get(1L).size() + reference.get(3L).size(), count);
        for (long window : List.of(1L, 3L)) {
            reference.get(window).values().forEach(values -> values.add(-1L));
            assertEquals(reference.get(window), drained.get(window), "window " + window);
            for (String key : reference.get(window).keySet()) {
                backend.setCurrentKey(key);
                scoped.setCurrentNamespace(window);
                assertFalse(list.get().iterator().hasNext(), key);
            }
        }
        for (Map.Entry<String, List<Long>> e : reference.get(2L).entrySet()) {
            backend.setCurrentKey(e.getKey());
            scoped.setCurrentNamespace(2L);
            List<Long> values = new ArrayList<>();
            list.get().forEach(values::add);
            assertEquals(e.getValue(), values, e.getKey());
        }
        assertNoListHolds(snapshot, -1L);
        backend.copyOnWriteVersions().release(snapshotVersion);
    }

    @SuppressWarnings("unchecked")
    private static void assertNoListHolds(StateMap.StateMapSnapshot[][] snapshot, long element) {
        for (StateMap.StateMapSnapshot[] groups : snapshot) {
            for (StateMap.StateMapSnapshot group : groups) {
                for (int i = 0; i < group.capacity(); i++) {
                    if (group.keyAt(i) != null) {
                        assertFalse(((List<Long>) group.stateAt(i)).contains(element), "the snapshot's list changed");
                    }
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyAPartitionedStateIsDrainedAndEachNamespaceOnce() {
        NamespaceDrainableState<String, Long> drainable = (NamespaceDrainableState<String, Long>) backend
                .getOrCreateKeyedState(BasicSerializers.LongSerializer.INSTANCE, new ValueStateDescriptor<>("v", Long.class));
        assertThrows(IllegalStateException.class, () -> drainable.drainNamespaces(List.of(1L), (k, w, c) -> { }),
                "a state that keeps namespaces together is not drained");
        drainable.partitionByNamespace();
        assertThrows(IllegalArgumentException.class,
                () -> drainable.drainNamespaces(List.of(1L, 1L), (k, w, c) -> { }));
    }

    /** Entries stored before partitioning move into their namespace's maps; partitioning needs no live snapshot. */
    @Test
    @SuppressWarnings("unchecked")
    void partitioningMovesStoredEntriesAndIsRefusedWhileASnapshotIsLive() {
        ValueState<Long> value = backend.getOrCreateKeyedState(BasicSerializers.LongSerializer.INSTANCE,
                new ValueStateDescriptor<>("v", Long.class));
        InternalKvState<Long> scoped = (InternalKvState<Long>) value;
        for (long window = 0; window < 3; window++) {
            scoped.setCurrentNamespace(window);
            for (int k = 0; k < 300; k++) {
                backend.setCurrentKey("k" + k);
                value.update(window * 1000 + k);
            }
        }
        int version = backend.copyOnWriteVersions().take();
        NamespaceDrainableState<String, Long> drainable = (NamespaceDrainableState<String, Long>) value;
        assertThrows(IllegalStateException.class, drainable::partitionByNamespace);
        backend.copyOnWriteVersions().release(version);
        drainable.partitionByNamespace();
        for (long window = 0; window < 3; window++) {
            scoped.setCurrentNamespace(window);
            for (int k = 0; k < 300; k++) {
                backend.setCurrentKey("k" + k);
                assertEquals(window * 1000 + k, value.value());
                if (k % 2 == 0) {
                    value.clear();
                }
            }
        }
        assertEquals(450, backend.numEntries("v"));
        assertEquals(150, backend.getKeys("v", 1L).count());
        // Emptying a namespace drops its maps; writing to it again starts new ones.
        scoped.setCurrentNamespace(2L);
        for (int k = 1; k < 300; k += 2) {
            backend.setCurrentKey("k" + k);
            value.clear();
        }
        assertEquals(0, backend.getKeys("v", 2L).count());
        backend.setCurrentKey("k7");
        value.update(7L);
        scoped.setCurrentNamespace(1L);
        assertEquals(1007L, value.value());
        scoped.setCurrentNamespace(2L);
        assertEquals(7L, value.value());
        assertEquals(301, backend.numEntries("v"));
    }

    @Test
    void listAndMapStateMatchReferenceAndClearRemovesOnlyCurrentKey() {
        ListState<Integer> list = backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", Integer.class));
        MapState<Integer, String> map = backend.getOrCreateKeyedState(
                new MapStateDescriptor<>("m", Integer.class, String.class));
        Map<String, List<Integer>> lists = new HashMap<>();
        Map<String, Map<Integer, String>> maps = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            String key = "k" + random.nextInt(500);
            int x = random.nextInt(50);
            backend.setCurrentKey(key);
            list.add(x);
            lists.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
            if (x % 5 == 0) {
                map.remove(x);
                maps.computeIfAbsent(key, k -> new HashMap<>()).remove(x);
            } else {
                map.put(x, "v" + i);
                maps.computeIfAbsent(key, k -> new HashMap<>()).put(x, "v" + i);
            }
        }
        for (String key : lists.keySet()) {
            backend.setCurrentKey(key);
            List<Integer> got = new ArrayList<>();
            list.get().forEach(got::add);
            assertEquals(lists.get(key), got);
            Map<Integer, String> gotMap = new HashMap<>();
            map.entries().forEach(e -> gotMap.put(e.getKey(), e.getValue()));
            assertEquals(maps.get(key), gotMap);
            assertEquals(maps.get(key).isEmpty(), map.isEmpty());
        }
        backend.setCurrentKey("k1");
        list.clear();
        assertTrue(!list.get().iterator().hasNext());
        backend.setCurrentKey("k2");
        assertEquals(lists.get("k2").size(), count(list.get()));
    }

    @Test
    void rejectsKeysOutsideItsKeyGroupsAndMismatchedKinds() {
        HeapKeyedStateBackend<Integer> half = new HeapKeyedStateBackend<>(KeyGroupRange.of(0, 63), 128);
        int outside = 0;
        while (KeyGroupRangeAssignment.assignToKeyGroup(outside, 128) < 64) {
            outside++;
        }
        int key = outside;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> half.setCurrentKey(key));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("x", Long.class));
        assertThrows(IllegalStateException.class,
                () -> backend.getOrCreateKeyedState(new ListStateDescriptor<>("x", Long.class)));
    }

    private static int count(Iterable<?> it) {
        int n = 0;
        for (Object o : it) {
            n++;
        }
        return n;
    }

    /** Mean of longs; accumulator = {sum, count}. */
    private static final class Average implements AggregateFunction<Long, long[], Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0] += value;
            acc[1]++;
            return acc;
        }

        @Override
        public Double getResult(long[] acc) {
            return (double) acc[0] / acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    }
}
