package io.runnel.state;

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
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.StateTtlConfig.StateVisibility;
import io.runnel.api.state.StateTtlConfig.UpdateType;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.BasicSerializers;
import io.runnel.api.typeutils.StringSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * State time-to-live ({@link StateTtlConfig}) as every {@link KeyedStateBackend} must implement it, run against
 * each backend by a subclass, like {@link KeyedStateBackendContractTest}. Time comes from a
 * {@link TestingTtlTimeProvider}: each test writes at {@code T0}, sets the clock to just before and just at
 * {@code T0 + TTL} and checks what is visible. That an expired value was physically removed, not merely hidden, is
 * checked two ways: by the backend's stored-entry count, and by moving the clock back to before the expiry, when a
 * value that was only hidden would reappear.
 */
public abstract class KeyedStateBackendTtlContractTest {

    private static final int MAX_PARALLELISM = 128;
    private static final long T0 = 1_000_000L;
    private static final long TTL = 100L;
    private static final TypeSerializer<Long> LONG_NAMESPACE = BasicSerializers.LongSerializer.INSTANCE;

    private final TestingTtlTimeProvider clock = new TestingTtlTimeProvider(T0);
    private final List<KeyedStateBackend<?>> created = new ArrayList<>();

    /** @return a new backend of the kind under test for the given parameters (which carry the test's clock) */
    protected abstract <K> KeyedStateBackend<K> createBackend(KeyedStateBackendParameters<K> parameters)
            throws Exception;

    /**
     * @return what the backend physically stores for the named state: entries per (key, namespace) for value, list,
     *     reducing and aggregating state; for map state any count that is 0 exactly when no map entry is stored
     */
    protected abstract long storedEntries(KeyedStateBackend<?> backend, String stateName);

    private KeyedStateBackend<String> backend() throws Exception {
        KeyedStateBackend<String> backend = createBackend(new KeyedStateBackendParameters<>("ttl-test",
                KeyGroupRange.of(0, MAX_PARALLELISM - 1), MAX_PARALLELISM, StringSerializer.INSTANCE,
                getClass().getClassLoader(), clock));
        created.add(backend);
        return backend;
    }

    @AfterEach
    void closeBackends() {
        created.forEach(KeyedStateBackend::close);
    }

    /** Sets the clock to {@code T0 + offsetMillis}. */
    private void at(long offsetMillis) {
        clock.setMillis(T0 + offsetMillis);
    }

    private static <D extends StateDescriptor<?>> D withTtl(D descriptor, UpdateType updateType) {
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).setUpdateType(updateType)
                .build());
        return descriptor;
    }

    private static <D extends StateDescriptor<?>> D returningExpired(D descriptor) {
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(TTL))
                .setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp).build());
        return descriptor;
    }

    // ---------------------------------------------------------------- value

    @Test
    void valueIsVisibleUntilJustBeforeTtlAndRemovedByTheFirstReadAfter() throws Exception {
        KeyedStateBackend<String> b = backend();
        ValueState<String> value = b.getOrCreateKeyedState(
                withTtl(new ValueStateDescriptor<>("v", String.class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        value.update("x");
        at(TTL - 1);
        assertEquals("x", value.value());
        at(TTL);
        assertEquals(1, storedEntries(b, "v"), "not removed before it is accessed");
        assertNull(value.value());
        assertEquals(0, storedEntries(b, "v"));
        at(0);
        assertNull(value.value(), "physically removed, so it does not reappear at an earlier time");
    }

    @Test
    void onReadAndWriteRenewsOnReadAndOnCreateAndWriteDoesNot() throws Exception {
        KeyedStateBackend<String> b = backend();
        ValueState<String> readRenews = b.getOrCreateKeyedState(
                withTtl(new ValueStateDescriptor<>("read", String.class), UpdateType.OnReadAndWrite));
        ValueState<String> writeOnly = b.getOrCreateKeyedState(
                withTtl(new ValueStateDescriptor<>("write", String.class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        readRenews.update("r");
        writeOnly.update("w");
        at(60);
        assertEquals("r", readRenews.value());
        assertEquals("w", writeOnly.value());
        at(60 + TTL - 1);
        assertEquals("r", readRenews.value(), "the read at 60 renewed it");
        assertNull(writeOnly.value(), "a read does not renew under OnCreateAndWrite");
        at(60 + TTL - 1 + TTL);
        assertNull(readRenews.value());
    }

    @Test
    void everyWriteRenewsTheValue() throws Exception {
        KeyedStateBackend<String> b = backend();
        ValueState<String> value = b.getOrCreateKeyedState(
                withTtl(new ValueStateDescriptor<>("v", String.class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        value.update("x");
        at(60);
        value.update("y");
        at(60 + TTL - 1);
        assertEquals("y", value.value());
        at(60 + TTL);
        assertNull(value.value());
    }

    @Test
    void expiredValueStaysStoredUntilAccessedAndKeysOfOtherKeysAreUntouched() throws Exception {
        KeyedStateBackend<String> b = backend();
        ValueState<String> value = b.getOrCreateKeyedState(
                withTtl(new ValueStateDescriptor<>("v", String.class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        value.update("old");
        at(50);
        b.setCurrentKey("b");
        value.update("new");
        at(TTL);
        // Documented: getKeys does not filter expired values; only an access removes them.
        assertEquals(List.of("a", "b"), b.getKeys("v", VoidNamespace.INSTANCE).sorted().collect(Collectors.toList()));
        b.setCurrentKey("a");
        assertNull(value.value());
        assertEquals(List.of("b"), b.getKeys("v", VoidNamespace.INSTANCE).collect(Collectors.toList()));
        b.setCurrentKey("b");
        assertEquals("new", value.value());
        at(50 + TTL);
        b.setCurrentKey("a");
        value.update("again");
        b.setCurrentKey("b");
        at(0);
        assertEquals("new", value.value(), "b expired at 150 but no access found it, so it is still stored");
    }

    @Test
    void returnExpiredIfNotCleanedUpReturnsAnExpiredValueOnceThenNothing() throws Exception {
        KeyedStateBackend<String> b = backend();
        ValueState<String> value = b.getOrCreateKeyedState(returningExpired(new ValueStateDescriptor<>("v",
                String.class)));
        ListState<String> list = b.getOrCreateKeyedState(returningExpired(new ListStateDescriptor<>("l",
                String.class)));
        MapState<String, String> map = b.getOrCreateKeyedState(returningExpired(new MapStateDescriptor<>("m",
                String.class, String.class)));
        b.setCurrentKey("a");
        value.update("x");
        list.add("e1");
        map.put("k", "mv");
        at(TTL);
        assertEquals("x", value.value());
        assertNull(value.value());
        assertEquals(List.of("e1"), toList(list.get()));
        assertEquals(List.of(), toList(list.get()));
        assertEquals("mv", map.get("k"));
        assertNull(map.get("k"));
        assertEquals(0, storedEntries(b, "v") + storedEntries(b, "l") + storedEntries(b, "m"));
    }

    // ---------------------------------------------------------------- list

    @Test
    void listElementsExpireEachAtItsOwnTime() throws Exception {
        KeyedStateBackend<String> b = backend();
        ListState<String> list = b.getOrCreateKeyedState(
                withTtl(new ListStateDescriptor<>("l", String.class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        list.add("e0");
        list.add(null);
        at(50);
        list.addAll(List.of("e50a", "e50b"));
        at(TTL - 1);
        assertEquals(Arrays.asList("e0", null, "e50a", "e50b"), toList(list.get()));
        at(TTL);
        assertEquals(List.of("e50a", "e50b"), toList(list.get()));
        at(0);
        assertEquals(List.of("e50a", "e50b"), toList(list.get()),
                "the expired elements were removed, so they do not reappear at an earlier time");
        at(50 + TTL - 1);
        assertEquals(List.of("e50a", "e50b"), toList(list.get()));
        assertEquals(1, storedEntries(b, "l"));
        at(50 + TTL);
        assertEquals(List.of(), toList(list.get()));
        assertEquals(0, storedEntries(b, "l"), "a list whose elements all expired is removed");
        assertEquals(0, b.getKeys("l", VoidNamespace.INSTANCE).count());
    }

    @Test
    void listUpdateStampsEveryElementAndOnReadAndWriteRenewsThemOnRead() throws Exception {
        KeyedStateBackend<String> b = backend();
        ListState<String> readRenews = b.getOrCreateKeyedState(
                withTtl(new ListStateDescriptor<>("read", String.class), UpdateType.OnReadAndWrite));
        ListState<String> writeOnly = b.getOrCreateKeyedState(
                withTtl(new ListStateDescriptor<>("write", String.class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        readRenews.add("r0");
        writeOnly.add("w0");
        at(40);
        readRenews.add("r40");
        writeOnly.update(List.of("w40a", "w40b"));
        at(60);
        assertEquals(List.of("r0", "r40"), toList(readRenews.get()));
        assertEquals(List.of("w40a", "w40b"), toList(writeOnly.get()));
        at(60 + TTL - 1);
        assertEquals(List.of("r0", "r40"), toList(readRenews.get()), "the read at 60 renewed both elements");
        assertEquals(List.of(), toList(writeOnly.get()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listMergeKeepsEachElementsTimestamp() throws Exception {
        KeyedStateBackend<String> b = backend();
        ListState<String> list = b.getOrCreateKeyedState(LONG_NAMESPACE,
                withTtl(new ListStateDescriptor<>("l", String.class), UpdateType.OnCreateAndWrite));
        InternalMergingState<Long> merging = (InternalMergingState<Long>) list;
        b.setCurrentKey("a");
        merging.setCurrentNamespace(1L);
        list.add("old");
        at(50);
        merging.setCurrentNamespace(2L);
        list.add("new");
        merging.mergeNamespaces(3L, List.of(1L, 2L));
        merging.setCurrentNamespace(3L);
        assertEquals(List.of("old", "new"), toList(list.get()));
        at(TTL);
        assertEquals(List.of("new"), toList(list.get()));
        merging.setCurrentNamespace(1L);
        assertEquals(List.of(), toList(list.get()));
    }

    // ---------------------------------------------------------------- map

    @Test
    void mapEntriesExpireEachAtItsOwnTimeAndAreRemovedOnAccess() throws Exception {
        KeyedStateBackend<String> b = backend();
        MapState<String, Long> map = b.getOrCreateKeyedState(
                withTtl(new MapStateDescriptor<>("m", String.class, Long.class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        map.put("k0", 0L);
        map.put("n", null);
        at(50);
        map.putAll(Map.of("k50", 50L));
        at(TTL - 1);
        assertEquals(mapOf("k0", 0L, "n", null, "k50", 50L), entries(map));
        at(TTL);
        assertNull(map.get("k0"));
        assertFalse(map.contains("n"));
        assertTrue(map.contains("k50"));
        assertEquals(50L, map.get("k50"));
        at(0);
        assertEquals(mapOf("k50", 50L), entries(map), "k0 and n were removed by the accesses that found them");
        at(50 + TTL - 1);
        assertFalse(map.isEmpty());
        at(50 + TTL);
        assertTrue(map.isEmpty());
        assertEquals(0, storedEntries(b, "m"));
        assertEquals(0, b.getKeys("m", VoidNamespace.INSTANCE).count());
    }

    @Test
    void mapIterationSkipsAndRemovesExpiredEntries() throws Exception {
        KeyedStateBackend<String> b = backend();
        MapState<Integer, String> map = b.getOrCreateKeyedState(
                withTtl(new MapStateDescriptor<>("m", Integer.class, String.class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        Map<Integer, String> live = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            at(i % 2 == 0 ? 0 : 50);
            map.put(i, "v" + i);
            if (i % 2 == 1) {
                live.put(i, "v" + i);
            }
        }
        at(TTL);
        assertEquals(live.keySet(), new HashSet<>(toList(map.keys())));
        at(0);
        assertEquals(live, entries(map), "iterating removed the expired entries");
        at(TTL);
        assertEquals(new HashSet<>(live.values()), new HashSet<>(toList(map.values())));
        at(50 + TTL);
        assertEquals(Map.of(), entries(map));
        assertEquals(0, storedEntries(b, "m"));
    }

    @Test
    void mapReadsRenewUnderOnReadAndWriteOnlyTheEntriesTheyReturn() throws Exception {
        KeyedStateBackend<String> b = backend();
        MapState<String, String> map = b.getOrCreateKeyedState(
                withTtl(new MapStateDescriptor<>("m", String.class, String.class), UpdateType.OnReadAndWrite));
        b.setCurrentKey("a");
        map.putAll(Map.of("got", "1", "contained", "2", "untouched", "3"));
        at(60);
        assertEquals("1", map.get("got"));
        assertTrue(map.contains("contained"));
        at(TTL);
        assertEquals(mapOf("got", "1", "contained", "2"), entries(map), "entries() also renews what it returns");
        at(TTL + TTL - 1);
        assertEquals(mapOf("got", "1", "contained", "2"), entries(map));
    }

    @Test
    void mapIteratorRemoveAndSetValueWriteThrough() throws Exception {
        KeyedStateBackend<String> b = backend();
        MapState<Integer, String> map = b.getOrCreateKeyedState(
                withTtl(new MapStateDescriptor<>("m", Integer.class, String.class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        for (int i = 0; i < 10; i++) {
            map.put(i, "v" + i);
        }
        at(50);
        for (Iterator<Map.Entry<Integer, String>> it = map.entries().iterator(); it.hasNext();) {
            Map.Entry<Integer, String> e = it.next();
            if (e.getKey() % 2 == 0) {
                it.remove();
            } else if (e.getKey() == 1) {
                assertEquals("v1", e.setValue("renewed"));
            }
        }
        at(TTL);
        assertEquals(mapOf(1, "renewed"), entries(map), "setValue at 50 stamped entry 1; the rest expired");
        map.put(2, "two");
        Iterator<Map.Entry<Integer, String>> it = map.entries().iterator();
        it.next();
        assertTrue(it.hasNext());
        assertThrows(IllegalStateException.class, it::remove,
                "remove() after hasNext() is rejected: the iterator may have moved past expired entries");
        assertEquals(mapOf(1, "renewed", 2, "two"), entries(map));
    }

    // ---------------------------------------------------------------- reducing and aggregating

    @Test
    void reducingValueExpiresAndAnAddAfterExpiryStartsAfresh() throws Exception {
        KeyedStateBackend<String> b = backend();
        ReducingState<String> concat = b.getOrCreateKeyedState(withTtl(
                new ReducingStateDescriptor<>("r", (x, y) -> x + y, String.class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        concat.add("a");
        at(50);
        concat.add("b");
        at(50 + TTL - 1);
        assertEquals("ab", concat.get(), "the add at 50 renewed the reduced value");
        at(50 + TTL);
        assertNull(concat.get());
        assertEquals(0, storedEntries(b, "r"));
        concat.add("c");
        at(50 + TTL + TTL + 10);
        concat.add("d");
        assertEquals("d", concat.get(), "an add onto an expired value does not reduce with it");
    }

    @Test
    void aggregatingAccumulatorExpiresAndOnReadAndWriteRenewsItOnGet() throws Exception {
        KeyedStateBackend<String> b = backend();
        AggregatingState<Long, Double> readRenews = b.getOrCreateKeyedState(withTtl(
                new AggregatingStateDescriptor<>("read", new Average(), long[].class), UpdateType.OnReadAndWrite));
        AggregatingState<Long, Double> writeOnly = b.getOrCreateKeyedState(withTtl(
                new AggregatingStateDescriptor<>("write", new Average(), long[].class), UpdateType.OnCreateAndWrite));
        b.setCurrentKey("a");
        readRenews.add(2L);
        readRenews.add(4L);
        writeOnly.add(2L);
        writeOnly.add(4L);
        at(60);
        assertEquals(3.0, readRenews.get());
        assertEquals(3.0, writeOnly.get());
        at(TTL);
        assertEquals(3.0, readRenews.get());
        assertNull(writeOnly.get());
        assertEquals(0, storedEntries(b, "write"));
        writeOnly.add(10L);
        assertEquals(10.0, writeOnly.get(), "a new accumulator, not one built on the expired (2, 4)");
        at(TTL + TTL);
        readRenews.add(6L);
        assertEquals(6.0, readRenews.get(), "the accumulator renewed at 100 expired at 200");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reducingMergeDropsExpiredSources() throws Exception {
        KeyedStateBackend<String> b = backend();
        ReducingState<String> concat = b.getOrCreateKeyedState(LONG_NAMESPACE, withTtl(
                new ReducingStateDescriptor<>("r", (x, y) -> x + y, String.class), UpdateType.OnCreateAndWrite));
        InternalMergingState<Long> merging = (InternalMergingState<Long>) concat;
        b.setCurrentKey("a");
        merging.setCurrentNamespace(1L);
        concat.add("old");
        at(50);
        merging.setCurrentNamespace(2L);
        concat.add("x");
        merging.setCurrentNamespace(3L);
        concat.add("y");
        at(TTL);
        merging.mergeNamespaces(3L, List.of(1L, 2L));
        merging.setCurrentNamespace(3L);
        assertEquals("yx", concat.get());
        at(TTL + TTL - 1);
        assertEquals("yx", concat.get(), "the merge at 100 is a write and stamped the result");
        merging.setCurrentNamespace(1L);
        assertNull(concat.get());
    }

    // ---------------------------------------------------------------- registration

    @Test
    void aStateIsRegisteredWithOneTtlConfiguration() throws Exception {
        KeyedStateBackend<String> b = backend();
        ValueState<String> first = b.getOrCreateKeyedState(
                withTtl(new ValueStateDescriptor<>("v", String.class), UpdateType.OnCreateAndWrite));
        assertSame(first, b.getOrCreateKeyedState(
                withTtl(new ValueStateDescriptor<>("v", String.class), UpdateType.OnCreateAndWrite)));
        assertThrows(IllegalStateException.class, () -> b.getOrCreateKeyedState(
                withTtl(new ValueStateDescriptor<>("v", String.class), UpdateType.OnReadAndWrite)));
        assertThrows(IllegalStateException.class, () -> b.getOrCreateKeyedState(
                new ValueStateDescriptor<>("v", String.class)));
        b.getOrCreateKeyedState(new ValueStateDescriptor<>("plain", String.class));
        assertThrows(IllegalStateException.class, () -> b.getOrCreateKeyedState(
                withTtl(new ValueStateDescriptor<>("plain", String.class), UpdateType.OnCreateAndWrite)));
    }

    // ---------------------------------------------------------------- helpers

    private static <T> List<T> toList(Iterable<T> iterable) {
        List<T> out = new ArrayList<>();
        iterable.forEach(out::add);
        return out;
    }

    private static <K, V> Map<K, V> entries(MapState<K, V> map) {
        Map<K, V> out = new HashMap<>();
        for (Map.Entry<K, V> e : map.entries()) {
            assertFalse(out.containsKey(e.getKey()), "duplicate key " + e.getKey());
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Like {@code Map.of} but accepting null values. */
    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> mapOf(Object... keysAndValues) {
        Map<K, V> out = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((K) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return out;
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
