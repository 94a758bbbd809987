package io.runnel.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.BasicSerializers;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.StateBackend;
import io.runnel.state.VoidNamespace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object cache in front of RocksDB ({@link RocksDBStateCache}) as seen through the backend: a tiny cache
 * against a {@link HashMap} reference, write-back on eviction (checked by scanning RocksDB without flushing), scans
 * after dirty writes and deletes, shared-object semantics and the configuration key. The contract suites run with
 * a tiny cache and without one in {@link RocksDBTinyCacheContractTest}, {@link RocksDBTinyCacheTtlContractTest}
 * and {@link RocksDBUncachedContractTest}.
 */
class RocksDBStateCacheTest {

    private static final long MIB = 1024L * 1024;

    @TempDir
    Path localDirectory;

    private RocksDBKeyedStateBackend<Integer> backend;

    private RocksDBKeyedStateBackend<Integer> open(int cacheEntries) throws Exception {
        EmbeddedRocksDBStateBackend factory = new EmbeddedRocksDBStateBackend(localDirectory, 4 * MIB, cacheEntries);
        backend = (RocksDBKeyedStateBackend<Integer>) factory.createKeyedStateBackend(new KeyedStateBackendParameters<>(
                "cache test", KeyGroupRange.of(0, 127), 128, BasicSerializers.IntSerializer.INSTANCE,
                getClass().getClassLoader()));
        return backend;
    }

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    /** 20,000 random reads, writes, deletes and scans over 300 keys through 8 entries, with a fixed seed. */
    @Test
    void randomAccessThroughATinyCacheMatchesAHashMap() throws Exception {
        open(8);
        ValueState<Long> state = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));
        RocksDBStateCache<?> cache = backend.state("count").cache();
        Map<Integer, Long> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int op = 0; op < 20_000; op++) {
            int key = random.nextInt(300);
            backend.setCurrentKey(key);
            int kind = random.nextInt(100);
            if (kind < 45) {
                assertEquals(reference.get(key), state.value(), "value of key " + key + " at operation " + op);
            } else if (kind < 85) {
                Long next = reference.getOrDefault(key, 0L) + random.nextInt(1000);
                state.update(next);
                reference.put(key, next);
            } else if (kind < 92) {
                state.clear();
                reference.remove(key);
            } else if (kind < 97) {
                state.update(null);
                reference.remove(key);
            } else if (kind < 99) {
                assertEquals(new TreeSet<>(reference.keySet()), keysOf("count"), "keys at operation " + op);
            } else {
                backend.flush();
                assertEquals(0, cache.dirtyEntries());
            }
            assertTrue(cache.size() <= 8, "cache holds " + cache.size() + " entries");
        }
        for (int key = 0; key < 300; key++) {
            backend.setCurrentKey(key);
            assertEquals(reference.get(key), state.value(), "value of key " + key + " at the end");
        }
        assertEquals(reference.size(), backend.numEntries("count"));
    }

    /** Without any flush, what RocksDB holds is exactly what was evicted; a flush writes the rest. */
    @Test
    void evictionWritesDirtyValuesThroughAndReadsGetThemBack() throws Exception {
        open(4);
        ValueState<String> state = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", String.class));
        AbstractRocksDBState<Integer, ?, ?> stored = backend.state("v");
        for (int key = 0; key < 100; key++) {
            backend.setCurrentKey(key);
            state.update("v" + key);
        }
        assertEquals(96, rawEntries(stored), "the 96 least recently used values were evicted and written");
        assertEquals(4, stored.cache().dirtyEntries());
        for (int key = 0; key < 100; key++) {
            backend.setCurrentKey(key);
            assertEquals("v" + key, state.value(), "key " + key + " read back after eviction");
        }
        // Reading every key evicted the last four dirty values too.
        assertEquals(100, rawEntries(stored));
        assertEquals(0, stored.cache().dirtyEntries());
        for (int key = 0; key < 10; key++) {
            backend.setCurrentKey(key);
            state.clear();
        }
        // Each delete is a dirty tombstone; the first six were evicted (deleted in RocksDB), the last four wait.
        assertEquals(94, rawEntries(stored));
        assertEquals(4, stored.cache().dirtyEntries());
        backend.flush();
        assertEquals(90, rawEntries(stored));
        for (int key = 0; key < 100; key++) {
            backend.setCurrentKey(key);
            assertEquals(key < 10 ? null : "v" + key, state.value(), "key " + key + " after the deletes");
        }
    }

    /** getKeys must see values and deletes that are still only in the cache. */
    @Test
    void keyScanSeesDirtyWritesAndDeletes() throws Exception {
        open(1_000);
        ValueState<Long> state = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
        for (int key = 0; key < 50; key++) {
            backend.setCurrentKey(key);
            state.update((long) key);
        }
        assertEquals(0, rawEntries(backend.state("v")), "nothing evicted yet");
        assertEquals(50, keysOf("v").size());
        for (int key = 0; key < 5; key++) {
            backend.setCurrentKey(key);
            state.update(null);
        }
        assertEquals(45, keysOf("v").size());
        assertTrue(keysOf("v").stream().allMatch(k -> k >= 5));
    }

    /** Reducing state reads and writes through the cache too; its adds must all arrive after evictions. */
    @Test
    void reducingStateAccumulatesThroughEvictions() throws Exception {
        open(3);
        ReducingState<Long> sum = backend.getOrCreateKeyedState(
                new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
        SplittableRandom random = new SplittableRandom(7);
        long[] expected = new long[40];
        for (int i = 0; i < 5_000; i++) {
            int key = random.nextInt(expected.length);
            backend.setCurrentKey(key);
            sum.add((long) i);
            expected[key] += i;
        }
        for (int key = 0; key < expected.length; key++) {
            backend.setCurrentKey(key);
            assertEquals(expected[key] == 0 ? null : expected[key], sum.get(), "sum of key " + key);
        }
    }

    /** While cached, values are shared objects as on the heap: the object given to update is what value returns. */
    @Test
    @SuppressWarnings("unchecked")
    void cachedValueIsTheObjectGivenToUpdate() throws Exception {
        open(16);
        ValueState<List<String>> state = backend.getOrCreateKeyedState(
                new ValueStateDescriptor<>("list", (Class<List<String>>) (Class<?>) List.class));
        backend.setCurrentKey(1);
        List<String> given = new ArrayList<>(List.of("a"));
        state.update(given);
        assertSame(given, state.value());
        backend.flush();
        assertSame(given, state.value(), "a flush keeps the entry cached");
    }

    @Test
    void accessAfterCloseFailsEvenForCachedValues() throws Exception {
        open(16);
        ValueState<Long> state = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
        backend.setCurrentKey(1);
        state.update(1L);
        backend.close();
        assertThrows(IllegalStateException.class, state::value);
        assertThrows(IllegalStateException.class, () -> state.update(2L));
    }

    @Test
    void configurationSetsTheCacheSizeAndZeroTurnsItOff() throws Exception {
        EmbeddedRocksDBStateBackend configured = assertInstanceOf(EmbeddedRocksDBStateBackend.class,
                StateBackend.fromConfiguration(new Configuration().setString("state.backend", "rocksdb")
                        .setString("state.backend.rocksdb.cache.entries", "100")));
        assertEquals(100, configured.getCacheEntries());
        EmbeddedRocksDBStateBackend roundTrip = assertInstanceOf(EmbeddedRocksDBStateBackend.class,
                StateBackend.fromConfiguration(Configuration.fromMap(configured.toConfiguration())));
        assertEquals(100, roundTrip.getCacheEntries());
        assertEquals(EmbeddedRocksDBStateBackend.DEFAULT_CACHE_ENTRIES,
                EmbeddedRocksDBStateBackend.fromConfiguration(new Configuration()).getCacheEntries());
        assertThrows(IllegalArgumentException.class, () -> StateBackend.fromConfiguration(new Configuration()
                .setString("state.backend", "rocksdb").setString("state.backend.rocksdb.cache.entries", "-1")));
        open(0);
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
        assertNull(backend.state("v").cache());
    }

    private TreeSet<Integer> keysOf(String stateName) {
        return backend.getKeys(stateName, VoidNamespace.INSTANCE)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** @return the entries in the state's column family, by a scan that does not flush the cache */
    private long rawEntries(AbstractRocksDBState<Integer, ?, ?> state) {
        RocksDBRangeIterator range = new RocksDBRangeIterator(backend.resources(), state.column,
                RocksDBRangeIterator.keyGroupPrefix(0), null, 512);
        long count = 0;
        while (range.hasNext()) {
            range.next();
            count++;
        }
        return count;
    }
}
