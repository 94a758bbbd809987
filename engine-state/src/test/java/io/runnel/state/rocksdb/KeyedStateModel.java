package io.runnel.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.InternalKvState;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.PriorityQueueSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The plain-Java reference of the keyed state the snapshot tests write: value, list, map, reducing and aggregating
 * state, each in namespaces {@link #NAMESPACES}, plus a timer queue. {@link #apply} performs random operations on a
 * backend and on this model alike; {@link #verify} checks that a backend holds exactly the model's state of its key
 * groups.
 *
 * <p><b>Threading:</b> the test thread only.
 */
final class KeyedStateModel {

    static final long[] NAMESPACES = {1L, 2L, 3L};
    static final TypeSerializer<Long> LONG_NAMESPACE = BasicSerializers.LongSerializer.INSTANCE;

    /** A (key, namespace) pair of the model. */
    record KeyNs(int key, long ns) {
    }

    private final Map<KeyNs, String> values = new HashMap<>();
    private final Map<KeyNs, List<Long>> lists = new HashMap<>();
    private final Map<KeyNs, Map<String, Long>> maps = new HashMap<>();
    private final Map<KeyNs, Long> sums = new HashMap<>();
    private final Map<KeyNs, Long> aggregates = new HashMap<>();
    private final TreeSet<Timer> timers = new TreeSet<>(Timer.ORDER);

    /** @return a deep copy, to compare against later */
    KeyedStateModel copy() {
        KeyedStateModel copy = new KeyedStateModel();
        copy.values.putAll(values);
        lists.forEach((k, v) -> copy.lists.put(k, new ArrayList<>(v)));
        maps.forEach((k, v) -> copy.maps.put(k, new HashMap<>(v)));
        copy.sums.putAll(sums);
        copy.aggregates.putAll(aggregates);
        copy.timers.addAll(timers);
        return copy;
    }

    /**
     * Performs {@code operations} random operations on keys from {@code keys} (all in the backend's range), on the
     * backend and the model.
     */
    void apply(States s, List<Integer> keys, SplittableRandom random, int operations) {
        for (int i = 0; i < operations; i++) {
            int key = keys.get(random.nextInt(keys.size()));
            long ns = NAMESPACES[random.nextInt(NAMESPACES.length)];
            s.backend.setCurrentKey(key);
            s.setNamespace(ns);
            int op = random.nextInt(11);
            if (op < 8) {
                applyStateOperation(s, new KeyNs(key, ns), op, random);
            } else if (op < 10) {
                Timer t = new Timer(random.nextLong(1000), key);
                assertEquals(timers.add(t), s.timers.add(t), "add " + t);
            } else {
                // The model holds the timers of every backend; this one polls the least of its own.
                KeyGroupRange range = s.backend.getKeyGroupRange();
                Timer least = timers.stream().filter(t -> range.contains(t.keyGroup())).findFirst().orElse(null);
                if (least != null) {
                    timers.remove(least);
                }
                assertEquals(least, s.timers.poll(), "poll");
            }
        }
    }

    /** Sets the value state of {@code key} in {@code ns}, in the backend and the model. */
    void updateValue(States s, int key, long ns, String value) {
        s.backend.setCurrentKey(key);
        s.setNamespace(ns);
        s.value.update(value);
        values.put(new KeyNs(key, ns), value);
    }

    private void applyStateOperation(States s, KeyNs at, int op, SplittableRandom random) {
        long number = random.nextLong(100);
        String userKey = "u" + random.nextInt(5);
        switch (op) {
            case 0, 1 -> {
                s.value.update("v" + number);
                values.put(at, "v" + number);
            }
            case 2 -> {
                s.value.clear();
                values.remove(at);
            }
            case 3 -> {
                s.list.add(number);
                lists.computeIfAbsent(at, k -> new ArrayList<>()).add(number);
            }
            case 4 -> {
                s.map.put(userKey, number);
                maps.computeIfAbsent(at, k -> new HashMap<>()).put(userKey, number);
            }
            case 5 -> {
                s.map.remove(userKey);
                Map<String, Long> m = maps.get(at);
                if (m != null && m.remove(userKey) != null && m.isEmpty()) {
                    maps.remove(at);
                }
            }
            case 6 -> {
                s.sum.add(number);
                sums.merge(at, number, Long::sum);
            }
            default -> {
                s.aggregate.add(number);
                aggregates.merge(at, number, Long::sum);
            }
        }
    }

    /** Checks every (key, namespace) of {@code keys} in the backend's range, the keys per state, and the timers. */
    void verify(States s, List<Integer> keys) {
        KeyGroupRange range = s.backend.getKeyGroupRange();
        for (int key : keys) {
            if (!range.contains(keyGroupOf(key))) {
                continue;
            }
            s.backend.setCurrentKey(key);
            for (long ns : NAMESPACES) {
                verifyEntry(s, new KeyNs(key, ns));
            }
        }
        for (long ns : NAMESPACES) {
            assertEquals(keysOf(values, range, ns), keysInBackend(s.backend, "value", ns), "value keys in " + ns);
            assertEquals(keysOf(lists, range, ns), keysInBackend(s.backend, "list", ns), "list keys in " + ns);
            assertEquals(keysOf(maps, range, ns), keysInBackend(s.backend, "map", ns), "map keys in " + ns);
        }
        // A full scan of each column family: nothing outside the range was copied in either.
        assertEquals(inRange(values, range), s.backend.numEntries("value"), "value entries");
        assertEquals(inRange(lists, range), s.backend.numEntries("list"), "list entries");
        assertEquals(maps.entrySet().stream().filter(e -> range.contains(keyGroupOf(e.getKey().key())))
                .mapToLong(e -> e.getValue().size()).sum(), s.backend.numEntries("map"), "map entries");
        assertEquals(inRange(sums, range), s.backend.numEntries("sum"), "sum entries");
        assertEquals(inRange(aggregates, range), s.backend.numEntries("aggregate"), "aggregate entries");
        verifyTimers(s, range);
    }

    private static long inRange(Map<KeyNs, ?> entries, KeyGroupRange range) {
        return entries.keySet().stream().filter(k -> range.contains(keyGroupOf(k.key()))).count();
    }

    private void verifyEntry(States s, KeyNs at) {
        s.setNamespace(at.ns());
        assertEquals(values.get(at), s.value.value(), "value of " + at);
        assertEquals(lists.getOrDefault(at, List.of()), toList(s.list.get()), "list of " + at);
        Map<String, Long> map = new HashMap<>();
        s.map.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
        assertEquals(maps.getOrDefault(at, Map.of()), map, "map of " + at);
        assertEquals(sums.get(at), s.sum.get(), "sum of " + at);
        Long aggregate = aggregates.get(at);
        assertEquals(aggregate == null ? null : "sum:" + aggregate, s.aggregate.get(), "aggregate of " + at);
    }

    private void verifyTimers(States s, KeyGroupRange range) {
        List<Timer> expected = timers.stream().filter(t -> range.contains(t.keyGroup())).toList();
        assertEquals(expected.size(), s.timers.size(), "timers in " + range);
        for (int group = range.startKeyGroup(); group <= range.endKeyGroup(); group++) {
            int g = group;
            assertEquals(expected.stream().filter(t -> t.keyGroup() == g).collect(Collectors.toSet()),
                    new HashSet<>(s.timers.elementsOfKeyGroup(group)), "timers of key group " + group);
        }
        assertEquals(expected.isEmpty() ? null : expected.get(0), s.timers.peek(), "first timer in " + range);
    }

    private static Set<Integer> keysOf(Map<KeyNs, ?> entries, KeyGroupRange range, long ns) {
        return entries.keySet().stream()
                .filter(k -> k.ns() == ns && range.contains(keyGroupOf(k.key())))
                .map(KeyNs::key).collect(Collectors.toSet());
    }

    private static Set<Integer> keysInBackend(KeyedStateBackend<Integer> backend, String state, long ns) {
        return backend.getKeys(state, ns).collect(Collectors.toSet());
    }

    static int keyGroupOf(int key) {
        return KeyGroupRangeAssignment.assignToKeyGroup(key, RocksDBSnapshotFixture.MAX_PARALLELISM);
    }

    private static <T> List<T> toList(Iterable<T> iterable) {
        List<T> out = new ArrayList<>();
        if (iterable != null) {
            iterable.forEach(out::add);
        }
        return out;
    }

    /** The states of the model, registered in one backend. */
    static final class States {
        final RocksDBKeyedStateBackend<Integer> backend;
        final ValueState<String> value;
        final ListState<Long> list;
        final MapState<String, Long> map;
        final ReducingState<Long> sum;
        final AggregatingState<Long, String> aggregate;
        final KeyGroupedPriorityQueue<Timer> timers;

        States(RocksDBKeyedStateBackend<Integer> backend) {
            this.backend = backend;
            this.value = backend.getOrCreateKeyedState(LONG_NAMESPACE, new ValueStateDescriptor<>("value",
                    String.class));
            this.list = backend.getOrCreateKeyedState(LONG_NAMESPACE, new ListStateDescriptor<>("list", Long.class));
            this.map = backend.getOrCreateKeyedState(LONG_NAMESPACE, new MapStateDescriptor<>("map", String.class,
                    Long.class));
            this.sum = backend.getOrCreateKeyedState(LONG_NAMESPACE, new ReducingStateDescriptor<>("sum", Long::sum,
                    Long.class));
            this.aggregate = backend.getOrCreateKeyedState(LONG_NAMESPACE, new AggregatingStateDescriptor<>(
                    "aggregate", new Sum(), Long.class));
            this.timers = backend.createPriorityQueue("timers", Timer.SPEC);
        }

        @SuppressWarnings("unchecked")
        void setNamespace(long ns) {
            for (Object state : List.of(value, list, map, sum, aggregate)) {
                ((InternalKvState<Long>) state).setCurrentNamespace(ns);
            }
        }
    }

    /** A timer-like queue element: ordered by timestamp, then key; its key group is the key's. */
    record Timer(long timestamp, int key) {
        static final Comparator<Timer> ORDER = Comparator.comparingLong(Timer::timestamp).thenComparingInt(Timer::key);
        static final PriorityQueueSpec<Timer> SPEC = new PriorityQueueSpec<>(ORDER, Timer::keyGroup,
                new TimerSerializer());

        int keyGroup() {
            return keyGroupOf(key);
        }
    }

    /** Timestamp and key big-endian with the sign bit flipped, so byte order equals {@link Timer#ORDER}. */
    static final class TimerSerializer extends TypeSerializer<Timer> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(Timer value, DataOutputView out) throws IOException {
            out.writeLong(value.timestamp() ^ Long.MIN_VALUE);
            out.writeInt(value.key() ^ Integer.MIN_VALUE);
        }

        @Override
        public Timer deserialize(DataInputView in) throws IOException {
            return new Timer(in.readLong() ^ Long.MIN_VALUE, in.readInt() ^ Integer.MIN_VALUE);
        }
    }

    /** Sums longs; the result is {@code "sum:" + total}. */
    static final class Sum implements AggregateFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
            return accumulator + value;
        }

        @Override
        public String getResult(Long accumulator) {
            return "sum:" + accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }
}
