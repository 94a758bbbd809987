package io.runnel.state.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Open addressing with backward-shift deletion keeps every live entry findable, whatever the order of operations. */
class StateMapTest {

    /** A key whose hash collides a lot, so probe runs are long and wrap around the table. */
    record Key(int id) {
        @Override
        public int hashCode() {
            return id % 5;
        }
    }

    @Test
    void randomPutsAndRemovesMatchAHashMap() {
        for (long seed = 0; seed < 20; seed++) {
            StateMap<Key, String, Integer> map = new StateMap<>(new CopyOnWriteVersions());
            Map<Key, Integer> reference = new HashMap<>();
            SplittableRandom random = new SplittableRandom(seed);
            for (int op = 0; op < 5_000; op++) {
                Key k = new Key(random.nextInt(200));
                if (random.nextInt(3) == 0) {
                    map.remove(k, "ns");
                    reference.remove(k);
                } else {
                    map.put(k, "ns", op);
                    reference.put(k, op);
                }
            }
            assertEquals(reference.size(), map.size(), "seed " + seed);
            for (int id = 0; id < 200; id++) {
                Key k = new Key(id);
                int index = map.indexOf(k, "ns");
                assertEquals(reference.get(k), index < 0 ? null : map.stateAt(index), "seed " + seed + " key " + id);
            }
        }
    }

    /** An equal key instance is adopted as the stored key, except while a snapshot reads the entries. */
    @Test
    void anEqualKeyInstanceIsAdoptedUnlessASnapshotIsLive() {
        CopyOnWriteVersions versions = new CopyOnWriteVersions();
        StateMap<String, String, Integer> map = new StateMap<>(versions);
        String stored = new String("word");
        map.put(stored, "ns", 1);
        String other = new String("word");
        int version = versions.take();
        StateMap.StateMapSnapshot snapshot = map.snapshot(version);
        int index = map.indexOf(other, "ns");
        map.adoptKey(index, other);
        assertSame(stored, snapshot.keyAt(index), "a live snapshot's entries are not written");
        assertSame(stored, map.snapshot(version).keyAt(index));
        versions.release(version);
        map.adoptKey(index, other);
        assertSame(other, map.snapshot(versions.take()).keyAt(index));
        assertEquals(1, map.stateAt(map.indexOf(new String("word"), "ns")));
    }

    @Test
    void namespacesSeparateEntriesAndVersionChangesWhenSlotsMove() {
        StateMap<String, String, Integer> map = new StateMap<>(new CopyOnWriteVersions());
        map.put("k", "a", 1);
        map.put("k", "b", 2);
        assertEquals(1, map.stateAt(map.indexOf("k", "a")));
        assertEquals(2, map.stateAt(map.indexOf("k", "b")));
        int version = map.version();
        map.remove("k", "a");
        assertNotEquals(version, map.version());
        assertEquals(-1, map.indexOf("k", "a"));
        assertEquals(2, map.stateAt(map.indexOf("k", "b")));
    }

    /**
     * Integer keys match on their code without reading the stored key; the namespace must still decide:
     * (2, ns 0) and (1, ns 31) have the same slot hash. A key of another class turns the codes off for the map.
     */
    @Test
    void integerKeysMatchOnTheirCodeOnlyWithinTheirNamespace() {
        StateMap<Object, Integer, String> map = new StateMap<>(new CopyOnWriteVersions());
        map.put(2, 0, "two");
        assertEquals(-1, map.indexOf(1, 31));
        map.put(1, 31, "one");
        assertEquals("one", map.stateAt(map.indexOf(Integer.valueOf(1), 31)));
        assertEquals("two", map.stateAt(map.indexOf(Integer.valueOf(2), 0)));
        for (boolean withStrings : new boolean[] {false, true}) {
            StateMap<Object, Integer, String> mixed = new StateMap<>(new CopyOnWriteVersions());
            SplittableRandom random = new SplittableRandom(7);
            Map<List<Object>, String> reference = new HashMap<>();
            for (int i = 0; i < 2_000; i++) {
                // Keys from 1000 are outside the Integer cache: lookups use other instances than the stored keys.
                Object key = withStrings && random.nextInt(4) == 0 ? "s" + random.nextInt(50)
                        : (Object) (1000 + random.nextInt(300));
                int namespace = random.nextInt(3);
                mixed.put(key, namespace, "v" + i);
                reference.put(List.of(key, namespace), "v" + i);
            }
            for (int k = 1000; k < 1300; k++) {
                for (int namespace = 0; namespace < 3; namespace++) {
                    int index = mixed.indexOf(Integer.valueOf(k), namespace);
                    assertEquals(reference.get(List.of(k, namespace)), index < 0 ? null : mixed.stateAt(index));
                }
            }
        }
    }

    /**
     * Lookups with equal but different key instances (as after deserialization) against a HashMap, for maps whose
     * keys all have codes (short ASCII strings; Longs with -1 and the extremes; 400 strings, so the map resizes),
     * maps that lose their codes to a long, a non-ASCII or an other-class key midway, and lookups with keys that
     * cannot be stored in a coded map.
     */
    @Test
    void codedKeysMatchAHashMapWithFreshInstancesAndWhenCodesTurnOff() {
        Object[][] keySets = {
            {"", "a", "w1", "w12345", "abcdefg", "abcdefgh", "a\u0000", "\u0000", "ab\u0000c"},
            {-1L, 0L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 255L, 128L, 1L << 40},
            {"w1", "w2", "abcdefghi", "caf\u00e9", "\u0080", "w3"},
            {"w1", 1L, "w2", 2, 2L},
            // Enough keys for several resizes and long probe runs, with codes throughout.
            IntStream.range(0, 400).mapToObj(i -> i % 2 == 0 ? "k" + i : "k" + i + "xyz").toArray(),
        };
        Object[] probes = {"abcdefghi", "caf\u00e9", 1, -1, "", "abcdefgh", 7L, "zz"};
        for (int set = 0; set < keySets.length; set++) {
            StateMap<Object, String, Integer> map = new StateMap<>(new CopyOnWriteVersions());
            Map<Object, Integer> reference = new HashMap<>();
            SplittableRandom random = new SplittableRandom(set);
            for (int op = 0; op < 6_000; op++) {
                Object key = freshCopy(keySets[set][random.nextInt(keySets[set].length)]);
                if (random.nextInt(4) == 0) {
                    map.remove(key, "ns");
                    reference.remove(key);
                } else {
                    map.put(key, "ns", op);
                    reference.put(key, op);
                }
                Object probe = freshCopy(random.nextBoolean() ? keySets[set][random.nextInt(keySets[set].length)]
                        : probes[random.nextInt(probes.length)]);
                int index = map.indexOf(probe, "ns");
                assertEquals(reference.get(probe), index < 0 ? null : map.stateAt(index), "set " + set + " op " + op);
            }
            assertEquals(reference.size(), map.size(), "set " + set);
        }
    }

    /** @return an equal key, a different instance unless it is a Long or Integer inside the boxing cache */
    private static Object freshCopy(Object key) {
        if (key instanceof String s) {
            return new String(s.toCharArray());
        }
        if (key instanceof Long l) {
            return Long.valueOf(l.longValue());
        }
        return Integer.valueOf(((Integer) key).intValue());
    }

    @Test
    void aSnapshotKeepsItsArraysWhileLiveAndLaterWritesGoInPlaceOnceItIsReleased() {
        CopyOnWriteVersions versions = new CopyOnWriteVersions();
        StateMap<String, String, Integer> map = new StateMap<>(versions);
        for (int i = 0; i < 10; i++) {
            map.put("k" + i, "ns", i);
        }
        int first = versions.take();
        StateMap.StateMapSnapshot snapshot = map.snapshot(first);
        Object[] entries = snapshot.entries().clone();
        map.put("k0", "ns", 100);
        map.remove("k1", "ns");
        for (int i = 10; i < 40; i++) {
            map.put("k" + i, "ns", i);
        }
        assertArrayEquals(entries, snapshot.entries());
        assertEquals(100, map.stateAt(map.indexOf("k0", "ns")));
        versions.release(first);

        int second = versions.take();
        StateMap.StateMapSnapshot released = map.snapshot(second);
        versions.release(second);
        map.put("k0", "ns", 7);
        int third = versions.take();
        StateMap.StateMapSnapshot next = map.snapshot(third);
        assertSame(released.entries(), next.entries(), "no snapshot was live: the write went into the same array");
        map.put("k0", "ns", 8);
        assertNotSame(next.entries(), map.snapshot(third).entries(), "a live snapshot's arrays are cloned on write");
        versions.release(third);
    }

    @Test
    void anObjectIsSharedIffItWasWrittenBeforeALiveSnapshot() {
        CopyOnWriteVersions versions = new CopyOnWriteVersions();
        StateMap<String, String, Integer> map = new StateMap<>(versions);
        int a = map.put("a", "ns", 1);
        assertFalse(map.isShared(a));
        int version = versions.take();
        map.snapshot(version);
        assertTrue(map.isShared(a));
        map.setStateAt(a, 2);
        assertFalse(map.isShared(a), "written after the snapshot");
        int b = map.put("b", "ns", 3);
        assertFalse(map.isShared(b));
        versions.release(version);
        assertFalse(map.isShared(a));
        assertEquals(0, versions.highestLive());
    }

    /**
     * The task thread keeps its own copy of the highest live version; releases by another thread (the async
     * snapshot thread) must reach it, and once nothing is live, the next take must count again.
     */
    @Test
    void releasesOnAnotherThreadReachTheTaskThreadsCopy() throws InterruptedException {
        CopyOnWriteVersions versions = new CopyOnWriteVersions();
        assertEquals(0, versions.highestLive());
        int first = versions.take();
        int second = versions.take();
        assertEquals(second, versions.highestLive());
        releaseOnAnotherThread(versions, second);
        assertEquals(first, versions.highestLive(), "the older snapshot is still live");
        releaseOnAnotherThread(versions, first);
        assertEquals(0, versions.highestLive());
        int third = versions.take();
        assertEquals(third, versions.highestLive(), "a take after all releases is live again");
        versions.release(third);
        assertEquals(0, versions.highestLive());
    }

    private static void releaseOnAnotherThread(CopyOnWriteVersions versions, int version) throws InterruptedException {
        Thread releaser = new Thread(() -> versions.release(version), "test-snapshot-release");
        releaser.start();
        releaser.join();
    }
}
