package io.runnel.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Tuple2;
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
import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.StringSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link KeyedStateBackend} must show, run against each backend by a subclass that says how to
 * create one; expected results come from plain Java collections. A backend that passes behaves like the others
 * for every operator.
 */
public abstract class KeyedStateBackendContractTest {

    private static final int MAX_PARALLELISM = 128;
    private static final TypeSerializer<Long> LONG_NAMESPACE = BasicSerializers.LongSerializer.INSTANCE;

    private final List<KeyedStateBackend<?>> created = new ArrayList<>();

    /** @return a new backend of the kind under test for the given parameters */
    protected abstract <K> KeyedStateBackend<K> createBackend(KeyedStateBackendParameters<K> parameters)
            throws Exception;

    private <K> KeyedStateBackend<K> backend(KeyGroupRange range, TypeSerializer<K> keySerializer)
            throws Exception {
        KeyedStateBackend<K> backend = createBackend(new KeyedStateBackendParameters<>("contract-test", range,
                MAX_PARALLELISM, keySerializer, getClass().getClassLoader()));
        created.add(backend);
        return backend;
    }

    private KeyedStateBackend<String> stringBackend() throws Exception {
        return backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), StringSerializer.INSTANCE);
    }

    @AfterEach
    void closeBackends() {
        created.forEach(KeyedStateBackend::close);
    }

    @Test
    void valueStateReadsWhatWasWrittenAndNullClears() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        ValueState<Long> value = b.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
        b.setCurrentKey("a");
        assertNull(value.value());
        value.update(7L);
        assertEquals(7L, value.value());
        value.update(8L);
        assertEquals(8L, value.value());
        value.update(null);
        assertNull(value.value());
        value.update(9L);
        value.clear();
        assertNull(value.value());
        assertEquals(0, b.getKeys("v", VoidNamespace.INSTANCE).count());
    }

    @Test
    void listStateAppendsReplacesAndReadsEmptyAsEmptyIterable() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        ListState<String> list = b.getOrCreateKeyedState(new ListStateDescriptor<>("l", String.class));
        b.setCurrentKey("a");
        assertNotNullAndEmpty(list.get());
        list.add("x");
        list.add(null);
        list.addAll(List.of("y", "z"));
        list.addAll(List.of());
        assertEquals(Arrays.asList("x", null, "y", "z"), toList(list.get()));
        list.update(List.of("p", "q"));
        assertEquals(List.of("p", "q"), toList(list.get()));
        list.update(List.of());
        assertNotNullAndEmpty(list.get());
        assertEquals(0, b.getKeys("l", VoidNamespace.INSTANCE).count());
        list.add("r");
        list.clear();
        assertNotNullAndEmpty(list.get());
    }

    @Test
    void mapStateMatchesHashMapReferenceUnderRandomOperations() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        MapState<Integer, String> map = b.getOrCreateKeyedState(
                new MapStateDescriptor<>("m", Integer.class, String.class));
        Map<String, Map<Integer, String>> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5_000; i++) {
            String key = "k" + random.nextInt(20);
            Integer userKey = random.nextInt(30);
            b.setCurrentKey(key);
            Map<Integer, String> ref = reference.computeIfAbsent(key, k -> new HashMap<>());
            int op = random.nextInt(10);
            if (op < 5) {
                map.put(userKey, "v" + i);
                ref.put(userKey, "v" + i);
            } else if (op < 7) {
                map.remove(userKey);
                ref.remove(userKey);
            } else if (op < 8) {
                Map<Integer, String> more = Map.of(userKey, "a" + i, userKey + 100, "b" + i);
                map.putAll(more);
                ref.putAll(more);
            } else {
                assertEquals(ref.get(userKey), map.get(userKey));
                assertEquals(ref.containsKey(userKey), map.contains(userKey));
            }
        }
        for (Map.Entry<String, Map<Integer, String>> e : reference.entrySet()) {
            b.setCurrentKey(e.getKey());
            assertMapContents(e.getValue(), map);
        }
    }

    @Test
    void mapStateHandlesNullValuesIteratorRemoveAndClear() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        MapState<Integer, String> map = b.getOrCreateKeyedState(
                new MapStateDescriptor<>("m", Integer.class, String.class));
        b.setCurrentKey("a");
        assertTrue(map.isEmpty());
        assertFalse(map.entries().iterator().hasNext());
        map.remove(7);
        map.putAll(Map.of());
        assertEquals(0, b.getKeys("m", VoidNamespace.INSTANCE).count(), "an empty map is no entry");
        map.put(1, null);
        assertTrue(map.contains(1));
        assertNull(map.get(1));
        assertFalse(map.isEmpty());
        Map<Integer, String> ref = new HashMap<>();
        ref.put(1, null);
        for (int i = 2; i < 400; i++) {
            map.put(i, "v" + i);
            ref.put(i, "v" + i);
        }
        for (Iterator<Map.Entry<Integer, String>> it = map.entries().iterator(); it.hasNext();) {
            if (it.next().getKey() % 3 == 0) {
                it.remove();
            }
        }
        ref.keySet().removeIf(k -> k % 3 == 0);
        assertMapContents(ref, map);
        b.setCurrentKey("b");
        map.put(5, "other");
        b.setCurrentKey("a");
        map.clear();
        assertMapContents(Map.of(), map);
        b.setCurrentKey("b");
        assertMapContents(Map.of(5, "other"), map);
    }

    @Test
    void mapEmptiedThroughItsIteratorIsNoEntry() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        MapState<Integer, String> map = b.getOrCreateKeyedState(
                new MapStateDescriptor<>("m", Integer.class, String.class));
        b.setCurrentKey("a");
        map.putAll(Map.of(1, "x", 2, "y"));
        for (Iterator<Integer> it = map.keys().iterator(); it.hasNext();) {
            it.next();
            it.remove();
        }
        assertTrue(map.isEmpty());
        assertEquals(0, b.getKeys("m", VoidNamespace.INSTANCE).count(), "an emptied map is no entry");
        map.put(3, "z");
        assertMapContents(Map.of(3, "z"), map);
    }

    @Test
    void reducingAndAggregatingStateCombineAddedValuesAndReadNothingAsNull() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        ReducingState<String> concat = b.getOrCreateKeyedState(
                new ReducingStateDescriptor<>("r", (x, y) -> x + y, String.class));
        AggregatingState<Long, Double> average = b.getOrCreateKeyedState(
                new AggregatingStateDescriptor<>("a", new Average(), long[].class));
        b.setCurrentKey("a");
        assertNull(concat.get());
        assertNull(average.get());
        concat.add("x");
        concat.add("y");
        concat.add("z");
        average.add(1L);
        average.add(2L);
        average.add(6L);
        assertEquals("xyz", concat.get());
        assertEquals(3.0, average.get());
        concat.clear();
        average.clear();
        assertNull(concat.get());
        assertNull(average.get());
    }

    @Test
    void eachKeyHasItsOwnEntriesAndClearTouchesOnlyTheCurrentKey() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        ValueState<Long> value = b.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
        ListState<Long> list = b.getOrCreateKeyedState(new ListStateDescriptor<>("l", Long.class));
        MapState<Long, Long> map = b.getOrCreateKeyedState(new MapStateDescriptor<>("m", Long.class, Long.class));
        ReducingState<Long> sum = b.getOrCreateKeyedState(new ReducingStateDescriptor<>("r", Long::sum, Long.class));
        for (long i = 0; i < 100; i++) {
            b.setCurrentKey("k" + i);
            value.update(i);
            list.add(i);
            list.add(i + 1);
            map.put(i, i * 2);
            sum.add(i);
            sum.add(1L);
        }
        b.setCurrentKey("k5");
        value.clear();
        list.clear();
        map.clear();
        sum.clear();
        for (long i = 0; i < 100; i++) {
            b.setCurrentKey("k" + i);
            boolean cleared = i == 5;
            assertEquals(cleared ? null : i, value.value());
            assertEquals(cleared ? List.of() : List.of(i, i + 1), toList(list.get()));
            assertMapContents(cleared ? Map.of() : Map.of(i, i * 2), map);
            assertEquals(cleared ? null : i + 1, sum.get());
        }
        assertEquals(99, b.getKeys("v", VoidNamespace.INSTANCE).count());
    }

    @Test
    @SuppressWarnings("unchecked")
    void namespacesOfOneKeyAreSeparate() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        ValueState<String> value = b.getOrCreateKeyedState(LONG_NAMESPACE,
                new ValueStateDescriptor<>("v", String.class));
        MapState<String, String> map = b.getOrCreateKeyedState(LONG_NAMESPACE,
                new MapStateDescriptor<>("m", String.class, String.class));
        InternalKvState<Long> valueNs = (InternalKvState<Long>) value;
        InternalKvState<Long> mapNs = (InternalKvState<Long>) map;
        b.setCurrentKey("a");
        for (long ns = 1; ns <= 3; ns++) {
            valueNs.setCurrentNamespace(ns);
            mapNs.setCurrentNamespace(ns);
            value.update("v" + ns);
            map.put("x", "m" + ns);
        }
        valueNs.setCurrentNamespace(2L);
        mapNs.setCurrentNamespace(2L);
        value.clear();
        map.clear();
        for (long ns = 1; ns <= 3; ns++) {
            valueNs.setCurrentNamespace(ns);
            mapNs.setCurrentNamespace(ns);
            assertEquals(ns == 2 ? null : "v" + ns, value.value());
            assertMapContents(ns == 2 ? Map.of() : Map.of("x", "m" + ns), map);
        }
        assertEquals(List.of("a"), b.getKeys("v", 1L).collect(Collectors.toList()));
        assertEquals(List.of(), b.getKeys("v", 2L).collect(Collectors.toList()));
        assertEquals(List.of("a"), b.getKeys("m", 3L).collect(Collectors.toList()));
        assertEquals(List.of(), b.getKeys("m", 2L).collect(Collectors.toList()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listMergeAppendsSourcesAfterTargetAndRemovesThem() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        ListState<String> list = b.getOrCreateKeyedState(LONG_NAMESPACE,
                new ListStateDescriptor<>("l", String.class));
        InternalMergingState<Long> merging = (InternalMergingState<Long>) list;
        b.setCurrentKey("a");
        fillList(merging, list, 1L, "a1");
        fillList(merging, list, 2L, "b1", "b2");
        fillList(merging, list, 4L, "t1");
        merging.mergeNamespaces(4L, List.of(1L, 2L, 3L));
        assertEquals(List.of("t1", "a1", "b1", "b2"), readList(merging, list, 4L));
        assertEquals(List.of(), readList(merging, list, 1L));
        assertEquals(List.of(), readList(merging, list, 2L));

        fillList(merging, list, 5L, "c1");
        fillList(merging, list, 6L, "d1");
        merging.mergeNamespaces(6L, List.of(5L, 6L));
        assertEquals(List.of("c1", "d1"), readList(merging, list, 6L));
        merging.mergeNamespaces(6L, List.of());
        merging.mergeNamespaces(7L, List.of(8L, 9L));
        assertEquals(List.of("c1", "d1"), readList(merging, list, 6L));
        assertEquals(List.of(), readList(merging, list, 7L));
        b.setCurrentKey("other");
        assertEquals(List.of(), readList(merging, list, 6L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reducingMergeCombinesSourcesThenTarget() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        ReducingState<String> concat = b.getOrCreateKeyedState(LONG_NAMESPACE,
                new ReducingStateDescriptor<>("r", (x, y) -> x + y, String.class));
        InternalMergingState<Long> merging = (InternalMergingState<Long>) concat;
        b.setCurrentKey("a");
        addIn(merging, concat, 1L, "a");
        addIn(merging, concat, 2L, "b");
        addIn(merging, concat, 4L, "x");
        merging.mergeNamespaces(4L, List.of(1L, 2L, 3L));
        assertEquals("xab", getIn(merging, concat, 4L));
        assertNull(getIn(merging, concat, 1L));
        assertNull(getIn(merging, concat, 2L));
        addIn(merging, concat, 5L, "c");
        merging.mergeNamespaces(4L, List.of(5L, 4L));
        assertEquals("cxab", getIn(merging, concat, 4L));
        merging.mergeNamespaces(4L, List.of());
        merging.mergeNamespaces(9L, List.of(7L));
        assertEquals("cxab", getIn(merging, concat, 4L));
        assertNull(getIn(merging, concat, 9L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aggregatingMergeMergesAccumulators() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        AggregatingState<Long, Double> average = b.getOrCreateKeyedState(LONG_NAMESPACE,
                new AggregatingStateDescriptor<>("a", new Average(), long[].class));
        InternalMergingState<Long> merging = (InternalMergingState<Long>) average;
        b.setCurrentKey("a");
        addIn(merging, average, 1L, 2L);
        addIn(merging, average, 2L, 4L);
        addIn(merging, average, 2L, 6L);
        merging.mergeNamespaces(3L, List.of(1L, 2L));
        assertEquals(4.0, getIn(merging, average, 3L));
        assertNull(getIn(merging, average, 1L));
        addIn(merging, average, 1L, 12L);
        merging.mergeNamespaces(1L, List.of(3L, 1L));
        assertEquals(6.0, getIn(merging, average, 1L));
        assertNull(getIn(merging, average, 3L));
        merging.mergeNamespaces(1L, List.of());
        merging.mergeNamespaces(8L, List.of(9L));
        assertEquals(6.0, getIn(merging, average, 1L));
        assertNull(getIn(merging, average, 8L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void getKeysOverKeyGroupRangeMatchesReferenceAfterRandomWrites() throws Exception {
        KeyGroupRange range = KeyGroupRange.of(40, 87);
        KeyedStateBackend<String> b = backend(range, StringSerializer.INSTANCE);
        ValueState<Long> value = b.getOrCreateKeyedState(LONG_NAMESPACE, new ValueStateDescriptor<>("v", Long.class));
        MapState<Integer, Long> map = b.getOrCreateKeyedState(new MapStateDescriptor<>("m", Integer.class, Long.class));
        InternalKvState<Long> valueNs = (InternalKvState<Long>) value;
        List<String> keys = keysInRange(range, 3_000);
        Map<Long, Set<String>> valueRef = new HashMap<>();
        Map<String, Set<Integer>> mapRef = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            String key = keys.get(random.nextInt(keys.size()));
            long ns = 1 + random.nextInt(2);
            int userKey = random.nextInt(4);
            b.setCurrentKey(key);
            valueNs.setCurrentNamespace(ns);
            boolean write = random.nextInt(3) != 0;
            value.update(write ? (Long) (long) i : null);
            Set<String> nsKeys = valueRef.computeIfAbsent(ns, n -> new HashSet<>());
            Set<Integer> userKeys = mapRef.computeIfAbsent(key, k -> new HashSet<>());
            if (write) {
                nsKeys.add(key);
                map.put(userKey, (long) i);
                userKeys.add(userKey);
            } else {
                nsKeys.remove(key);
                map.remove(userKey);
                userKeys.remove(userKey);
            }
        }
        for (long ns = 1; ns <= 3; ns++) {
            List<String> got = b.getKeys("v", ns).collect(Collectors.toList());
            assertEquals(valueRef.getOrDefault(ns, Set.of()), new HashSet<>(got));
            assertEquals(got.size(), new HashSet<>(got).size(), "getKeys returned a key twice");
        }
        Set<String> nonEmptyMaps = mapRef.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        List<String> gotMapKeys = b.getKeys("m", VoidNamespace.INSTANCE).collect(Collectors.toList());
        assertEquals(nonEmptyMaps, new HashSet<>(gotMapKeys));
        assertEquals(gotMapKeys.size(), nonEmptyMaps.size());
        assertEquals(0, b.getKeys("unknown", VoidNamespace.INSTANCE).count());

        Set<Tuple2<String, Long>> valuePairs = new HashSet<>();
        valueRef.forEach((ns, nsKeys) -> nsKeys.forEach(k -> valuePairs.add(Tuple2.of(k, ns))));
        List<Tuple2<String, Long>> gotPairs = b.<Long>getKeysAndNamespaces("v").collect(Collectors.toList());
        assertEquals(valuePairs, new HashSet<>(gotPairs));
        assertEquals(valuePairs.size(), gotPairs.size(), "getKeysAndNamespaces returned a pair twice");
        // A map with several user keys is one (key, namespace).
        List<Tuple2<String, Object>> gotMapPairs = b.getKeysAndNamespaces("m").collect(Collectors.toList());
        assertEquals(nonEmptyMaps.size(), gotMapPairs.size());
        assertEquals(nonEmptyMaps, gotMapPairs.stream().map(Tuple2::f0).collect(Collectors.toSet()));
        assertTrue(gotMapPairs.stream().allMatch(p -> p.f1() == VoidNamespace.INSTANCE
                || p.f1().equals(VoidNamespace.INSTANCE)));
        assertEquals(0, b.getKeysAndNamespaces("unknown").count());
    }

    /**
     * The queue against a {@code TreeSet} under 30,000 random operations, with the comparator alone, with sort keys
     * that decide every order, and with coarse sort keys whose ties the comparator must break.
     */
    @ParameterizedTest
    @ValueSource(strings = {"comparator", "exact-sort-keys", "coarse-sort-keys"})
    void priorityQueueMatchesTreeSetUnderRandomOperations(String order) throws Exception {
        PriorityQueueSpec<Timer> spec = switch (order) {
            case "comparator" -> Timer.SPEC;
            case "exact-sort-keys" -> Timer.withSortKeys(Timer::timestamp, Timer::id);
            default -> Timer.withSortKeys(t -> t.timestamp() / 7, t -> 0);
        };
        KeyGroupRange range = KeyGroupRange.of(10, 13);
        KeyedStateBackend<Integer> b = backend(range, BasicSerializers.IntSerializer.INSTANCE);
        KeyGroupedPriorityQueue<Timer> queue = b.createPriorityQueue("timers", spec);
        List<Integer> ids = intKeysInRange(range, 200);
        TreeSet<Timer> reference = new TreeSet<>(Timer.ORDER);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 30_000; i++) {
            Timer random1 = new Timer(random.nextInt(3_000), ids.get(random.nextInt(ids.size())));
            Timer existing = reference.ceiling(random1);
            int op = random.nextInt(20);
            if (op < 9) {
                Timer t = op == 0 && existing != null ? existing : random1;
                assertEquals(reference.add(t), queue.add(t), "add " + t);
            } else if (op < 13) {
                Timer t = op < 11 && existing != null ? existing : random1;
                assertEquals(reference.remove(t), queue.remove(t), "remove " + t);
            } else if (op < 18) {
                assertEquals(reference.pollFirst(), queue.poll());
            } else {
                assertEquals(reference.isEmpty() ? null : reference.first(), queue.peek());
            }
            assertEquals(reference.size(), queue.size());
        }
        assertTrue(reference.size() > 1_000, "the test should leave many elements: " + reference.size());
        for (int keyGroup = range.startKeyGroup(); keyGroup <= range.endKeyGroup(); keyGroup++) {
            int kg = keyGroup;
            Set<Timer> expected = reference.stream().filter(t -> Timer.SPEC.keyGroupOf().applyAsInt(t) == kg)
                    .collect(Collectors.toSet());
            List<Timer> got = queue.elementsOfKeyGroup(kg);
            assertEquals(expected, new HashSet<>(got));
            assertEquals(expected.size(), got.size());
        }
        while (!reference.isEmpty()) {
            assertEquals(reference.first(), queue.peek());
            assertEquals(reference.pollFirst(), queue.poll());
        }
        assertNull(queue.poll());
        assertNull(queue.peek());
        assertTrue(queue.isEmpty());
    }

    @Test
    void keyOutsideTheRangeIsRejected() throws Exception {
        KeyedStateBackend<Integer> half = backend(KeyGroupRange.of(0, 63), BasicSerializers.IntSerializer.INSTANCE);
        int outside = intKeysInRange(KeyGroupRange.of(64, 127), 1).get(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> half.setCurrentKey(outside));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        int inside = intKeysInRange(KeyGroupRange.of(0, 63), 1).get(0);
        half.setCurrentKey(inside);
        assertEquals(inside, half.getCurrentKey());
        assertEquals(KeyGroupRangeAssignment.assignToKeyGroup(inside, MAX_PARALLELISM), half.getCurrentKeyGroup());
    }

    @Test
    void sameNameGivesSameStateAndAnotherKindIsRejected() throws Exception {
        KeyedStateBackend<String> b = stringBackend();
        ValueState<Long> first = b.getOrCreateKeyedState(new ValueStateDescriptor<>("x", Long.class));
        ValueState<Long> second = b.getOrCreateKeyedState(new ValueStateDescriptor<>("x", Long.class));
        assertSame(first, second);
        assertThrows(IllegalStateException.class,
                () -> b.getOrCreateKeyedState(new ListStateDescriptor<>("x", Long.class)));
        b.createPriorityQueue("q", Timer.SPEC);
        assertThrows(IllegalStateException.class, () -> b.createPriorityQueue("q", Timer.SPEC));
        assertThrows(IllegalStateException.class, () -> b.createPriorityQueue("x", Timer.SPEC));
    }

    // ---------------------------------------------------------------- helpers

    private static void assertNotNullAndEmpty(Iterable<?> iterable) {
        assertFalse(iterable.iterator().hasNext());
    }

    private static <T> List<T> toList(Iterable<T> iterable) {
        List<T> out = new ArrayList<>();
        iterable.forEach(out::add);
        return out;
    }

    private static <K, V> void assertMapContents(Map<K, V> expected, MapState<K, V> actual) {
        Map<K, V> entries = new HashMap<>();
        for (Map.Entry<K, V> e : actual.entries()) {
            assertFalse(entries.containsKey(e.getKey()), "duplicate key " + e.getKey());
            entries.put(e.getKey(), e.getValue());
        }
        assertEquals(expected, entries);
        assertEquals(expected.keySet(), new HashSet<>(toList(actual.keys())));
        List<V> expectedValues = new ArrayList<>(expected.values());
        List<V> values = toList(actual.values());
        assertEquals(expectedValues.size(), values.size());
        assertTrue(values.containsAll(expectedValues) && expectedValues.containsAll(values));
        assertEquals(expected.isEmpty(), actual.isEmpty());
        for (Map.Entry<K, V> e : expected.entrySet()) {
            assertTrue(actual.contains(e.getKey()));
            assertEquals(e.getValue(), actual.get(e.getKey()));
        }
    }

    private static void fillList(InternalMergingState<Long> ns, ListState<String> list, long namespace,
                                 String... values) {
        ns.setCurrentNamespace(namespace);
        list.update(List.of(values));
    }

    private static List<String> readList(InternalMergingState<Long> ns, ListState<String> list, long namespace) {
        ns.setCurrentNamespace(namespace);
        return toList(list.get());
    }

    private static <I, O> void addIn(InternalMergingState<Long> ns, io.runnel.api.state.AppendingState<I, O> state,
                                     long namespace, I value) {
        ns.setCurrentNamespace(namespace);
        state.add(value);
    }

    private static <I, O> O getIn(InternalMergingState<Long> ns, io.runnel.api.state.AppendingState<I, O> state,
                                  long namespace) {
        ns.setCurrentNamespace(namespace);
        return state.get();
    }

    private static List<String> keysInRange(KeyGroupRange range, int candidates) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            String key = "key-" + i;
            if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static List<Integer> intKeysInRange(KeyGroupRange range, int wanted) {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; keys.size() < wanted; i++) {
            if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(i, MAX_PARALLELISM))) {
                keys.add(i);
            }
        }
        return Collections.unmodifiableList(keys);
    }

    /** A timer-like queue element: ordered by timestamp, then id; its key group is the id's. */
    record Timer(long timestamp, int id) {
        static final Comparator<Timer> ORDER = Comparator.comparingLong(Timer::timestamp)
                .thenComparingInt(Timer::id);
        static final PriorityQueueSpec<Timer> SPEC = new PriorityQueueSpec<>(ORDER,
                t -> KeyGroupRangeAssignment.assignToKeyGroup(t.id(), MAX_PARALLELISM), new TimerSerializer());

        /** @return {@link #SPEC} with sort keys from the two functions, which must agree with {@link #ORDER} */
        static PriorityQueueSpec<Timer> withSortKeys(ToLongFunction<Timer> primary, ToLongFunction<Timer> secondary) {
            return new PriorityQueueSpec<>(ORDER, SPEC.keyGroupOf(), SPEC.serializer(),
                    new PriorityQueueSpec.SortKeys<>() {
                        @Override
                        public long primary(Timer t) {
                            return primary.applyAsLong(t);
                        }

                        @Override
                        public long secondary(Timer t) {
                            return secondary.applyAsLong(t);
                        }
                    });
        }
    }

    /** Writes timestamp and id big-endian with the sign bit flipped, so byte order equals {@link Timer#ORDER}. */
    static final class TimerSerializer extends TypeSerializer<Timer> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(Timer value, DataOutputView out) throws IOException {
            out.writeLong(value.timestamp() ^ Long.MIN_VALUE);
            out.writeInt(value.id() ^ Integer.MIN_VALUE);
        }

        @Override
        public Timer deserialize(DataInputView in) throws IOException {
            return new Timer(in.readLong() ^ Long.MIN_VALUE, in.readInt() ^ Integer.MIN_VALUE);
        }
    }

    /** Mean of longs; accumulator = {sum, count}. */
    static final class Average implements AggregateFunction<Long, long[], Double> {
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
