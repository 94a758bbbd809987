package io.runnel.state.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import io.runnel.state.InternalMergingState;
import io.runnel.state.NamespaceDrainableState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Six keyed states of every kind (a mutable value changed in place, a mutable aggregate accumulator, a list state
 * with window namespaces that merges) and a plain-Java reference of their content, changed together by random
 * operations; {@link #copy()} freezes the reference at a snapshot and {@link #assertMatches} checks a backend
 * against it key by key.
 *
 * <p><b>Threading:</b> the test thread only (the backend's task thread).
 */
final class HeapStateModel {

    /** Keys of the window list state's namespaces. */
    private static final long[] WINDOWS = {1, 2, 3};

    private final Map<String, Long> values = new HashMap<>();
    private final Map<String, long[]> arrays = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    private final Map<String, Map<String, Long>> maps = new HashMap<>();
    private final Map<String, Long> sums = new HashMap<>();
    private final Map<String, long[]> averages = new HashMap<>();
    private final Map<String, Map<Long, List<String>>> windows = new HashMap<>();

    /** The states of the model registered on one backend. */
    static final class States {
        final HeapKeyedStateBackend<String> backend;
        final ValueState<Long> value;
        final ValueState<long[]> array;
        final ListState<String> list;
        final MapState<String, Long> map;
        final ReducingState<Long> sum;
        final AggregatingState<Long, Double> average;
        final ListState<String> windowList;
        final InternalMergingState<Long> windowMerge;

        States(HeapKeyedStateBackend<String> b) {
            this(b, false);
        }

        /** @param partitionWindows true to keep each window namespace's entries apart (see StateTable) */
        @SuppressWarnings("unchecked")
        States(HeapKeyedStateBackend<String> b, boolean partitionWindows) {
            backend = b;
            value = b.getOrCreateKeyedState(new ValueStateDescriptor<>("value", Long.class));
            array = b.getOrCreateKeyedState(new ValueStateDescriptor<>("array", long[].class));
            list = b.getOrCreateKeyedState(new ListStateDescriptor<>("list", String.class));
            map = b.getOrCreateKeyedState(new MapStateDescriptor<>("map", String.class, Long.class));
            sum = b.getOrCreateKeyedState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
            average = b.getOrCreateKeyedState(
                    new AggregatingStateDescriptor<>("average", new MutableAverage(), long[].class));
            windowList = b.getOrCreateKeyedState(BasicSerializers.LongSerializer.INSTANCE,
                    new ListStateDescriptor<>("windows", String.class));
            windowMerge = (InternalMergingState<Long>) windowList;
            if (partitionWindows) {
                ((NamespaceDrainableState<String, Long>) windowList).partitionByNamespace();
            }
        }
    }

    /** @return a deep copy: the reference as of now */
    HeapStateModel copy() {
        HeapStateModel c = new HeapStateModel();
        c.values.putAll(values);
        arrays.forEach((k, v) -> c.arrays.put(k, v.clone()));
        lists.forEach((k, v) -> c.lists.put(k, new ArrayList<>(v)));
        maps.forEach((k, v) -> c.maps.put(k, new HashMap<>(v)));
        c.sums.putAll(sums);
        averages.forEach((k, v) -> c.averages.put(k, v.clone()));
        windows.forEach((k, v) -> {
            Map<Long, List<String>> w = new TreeMap<>();
            v.forEach((ns, l) -> w.put(ns, new ArrayList<>(l)));
            c.windows.put(k, w);
        });
        return c;
    }

    /** Applies one random operation on {@code key} to the states and to this reference. */
    void randomOperation(States s, SplittableRandom random, String key) {
        s.backend.setCurrentKey(key);
        long x = random.nextInt(1_000);
        switch (random.nextInt(13)) {
            case 0 -> {
                s.value.update(x);
                values.put(key, x);
            }
            case 1 -> {
                s.value.clear();
                values.remove(key);
            }
            case 2 -> changeArrayInPlace(s, key, x);
            case 3 -> {
                s.list.add("e" + x);
                lists.computeIfAbsent(key, k -> new ArrayList<>()).add("e" + x);
            }
            case 4 -> {
                s.list.update(List.of("u" + x, "v" + x));
                lists.put(key, new ArrayList<>(List.of("u" + x, "v" + x)));
            }
            case 5 -> {
                s.map.put("m" + x % 7, x);
                maps.computeIfAbsent(key, k -> new HashMap<>()).put("m" + x % 7, x);
            }
            case 6 -> removeFromMap(s, key, "m" + x % 7);
            case 7 -> {
                s.sum.add(x);
                sums.merge(key, x, Long::sum);
            }
            case 8 -> {
                s.average.add(x);
                long[] acc = averages.computeIfAbsent(key, k -> new long[2]);
                acc[0] += x;
                acc[1]++;
            }
            case 9 -> addToWindow(s, key, WINDOWS[random.nextInt(WINDOWS.length)], "w" + x);
            case 10 -> mergeWindows(s, key);
            case 11 -> {
                s.list.clear();
                lists.remove(key);
            }
            default -> {
                s.map.clear();
                maps.remove(key);
            }
        }
    }

    /** The read-modify-update pattern on a mutable value: the object read is changed in place, then stored. */
    private void changeArrayInPlace(States s, String key, long x) {
        long[] a = s.array.value();
        if (a == null) {
            a = new long[2];
        }
        a[0] += x;
        a[1]++;
        s.array.update(a);
        long[] expected = arrays.computeIfAbsent(key, k -> new long[2]);
        expected[0] += x;
        expected[1]++;
    }

    private void removeFromMap(States s, String key, String mapKey) {
        s.map.remove(mapKey);
        Map<String, Long> m = maps.get(key);
        if (m != null) {
            m.remove(mapKey);
            if (m.isEmpty()) {
                maps.remove(key);
            }
        }
    }

    private void addToWindow(States s, String key, long window, String element) {
        s.windowMerge.setCurrentNamespace(window);
        s.windowList.add(element);
        windows.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(window, w -> new ArrayList<>())
                .add(element);
    }

    /** Merges windows 2 and 3 into window 1, as a merging window assigner would. */
    private void mergeWindows(States s, String key) {
        s.windowMerge.mergeNamespaces(1L, List.of(2L, 3L));
        Map<Long, List<String>> w = windows.get(key);
        if (w == null) {
            return;
        }
        List<String> merged = new ArrayList<>();
        for (long window : WINDOWS) {
            List<String> l = w.remove(window);
            if (l != null) {
                merged.addAll(l);
            }
        }
        if (!merged.isEmpty()) {
            w.put(1L, merged);
        }
        if (w.isEmpty()) {
            windows.remove(key);
        }
    }

    /** Asserts that the states hold exactly this reference's content for each of {@code keys}. */
    void assertMatches(States s, Iterable<String> keys) {
        for (String key : keys) {
            s.backend.setCurrentKey(key);
            assertEquals(values.get(key), s.value.value(), "value of " + key);
            long[] a = s.array.value();
            if (arrays.containsKey(key)) {
                assertArrayEquals(arrays.get(key), a, "array of " + key);
            } else {
                assertNull(a, "array of " + key);
            }
            assertEquals(lists.getOrDefault(key, List.of()), toList(s.list.get()), "list of " + key);
            Map<String, Long> m = new HashMap<>();
            s.map.entries().forEach(e -> m.put(e.getKey(), e.getValue()));
            assertEquals(maps.getOrDefault(key, Map.of()), m, "map of " + key);
            assertEquals(sums.get(key), s.sum.get(), "sum of " + key);
            long[] avg = averages.get(key);
            assertEquals(avg == null ? null : (double) avg[0] / avg[1], s.average.get(), "average of " + key);
            Map<Long, List<String>> w = windows.getOrDefault(key, Map.of());
            for (long window : WINDOWS) {
                s.windowMerge.setCurrentNamespace(window);
                assertEquals(w.getOrDefault(window, List.of()), toList(s.windowList.get()),
                        "window " + window + " of " + key);
            }
        }
    }

    /** @return the number of keys with a value in the plain value state */
    int valueCount() {
        return values.size();
    }

    private static List<String> toList(Iterable<String> it) {
        List<String> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }

    /** Mean of longs whose accumulator {sum, count} is changed in place and returned, as user code often does. */
    static final class MutableAverage implements AggregateFunction<Long, long[], Double> {
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
