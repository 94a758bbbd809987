package io.runnel.state.heap;

import io.runnel.api.common.Tuple2;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A hash map from (key, namespace) to a state object, for one key group, written for the state access path:
 * open addressing with linear probing over an {@code int[]} of hashes and one {@code Object[]} that holds each
 * slot's key, namespace and state side by side ({@code entries[3i .. 3i+2]}), so a lookup reads a compact hash
 * array, touches a key only when its hash matches, and finds the slot's namespace and state in the same cache
 * line as its key. Keys of one class with an exact 64-bit code ({@link KeyCodes}: Longs, Integers, short ASCII
 * strings) are compared on a {@code long[]} of codes instead, so a lookup never reads a stored key at all. There are no entry objects, which saves the lookup one cache-cold object per access compared
 * with a chained map, and the interleaving saves two more lines compared with separate key, namespace and state
 * arrays.
 *
 * <p>Invariants: a slot is empty iff its key {@code entries[3i]} is null; every stored (key, namespace) sits in the probe run
 * that starts at {@code hash & mask} with no empty slot before it (kept by backward-shift deletion); the load
 * factor stays at most 3/4. {@link #version()} changes whenever entries move (resize, removal), so a remembered
 * slot index is valid while the version is unchanged.
 *
 * <p><b>Copy-on-write for snapshots.</b> {@link #snapshot(int)} hands a snapshot the current entry array without
 * copying it, and {@code sharedFrom} records a version no later than the first snapshot that holds it (0: none
 * does). A write while some snapshot is live ({@link CopyOnWriteVersions#highestLive()}
 * {@code != 0}) first clones the entry array if {@code highestLive() >= sharedFrom}: every snapshot taken since
 * {@code sharedFrom} holds the current array, so this is exactly "a live snapshot reads it". Only the key groups
 * written during a checkpoint pay, once each. State objects are shared with snapshots too: a write while a
 * snapshot is live sets {@code stamps[i]} to {@link CopyOnWriteVersions#latest()}; a write with none live leaves
 * the stamp, which is then at most the latest version, so in both cases a snapshot taken later sees a smaller
 * stamp. Hence the object in slot i is read by a live snapshot iff {@code stamps[i] < highestLive()}
 * ({@link #isShared(int)}), and the state classes copy such an object before they hand it out or change it.
 * With no snapshot live, a read or a write costs one extra comparison ({@code highestLive() != 0}) and touches
 * neither {@code sharedFrom} nor the stamps.
 *
 * <p><b>Threading:</b> task thread only; an entry array handed to a snapshot is never written again, so the async
 * snapshot thread may read them.
 *
 * @param <K> key type
 * @param <N> namespace type
 * @param <S> state object type
 */
final class StateMap<K, N, S> {

    private static final int INITIAL_CAPACITY = 16;

    private final CopyOnWriteVersions versions;
    private int[] hashes = new int[INITIAL_CAPACITY];
    /** Slot i's key, namespace and state at {@code 3i}, {@code 3i + 1}, {@code 3i + 2}; key null: empty slot. */
    private Object[] entries = new Object[3 * INITIAL_CAPACITY];
    /** Per slot, the latest snapshot version when its state object was written (see the class javadoc). */
    private int[] stamps = new int[INITIAL_CAPACITY];
    private int size;
    private int version;
    /** At most the first snapshot version that holds the current entry array; 0 if none does. */
    private int sharedFrom;
    /**
     * Per slot, the {@link KeyCodes code} of its key, while every key stored so far has one and all are of
     * {@link #codedClass}; then a lookup whose key is not the stored instance decides on this array instead of
     * calling {@code equals}, which reads the stored key and its contents (cache misses for a key not touched
     * lately). Null before the first key and once a key without a code, or of another class, was stored.
     */
    private long[] codes;
    /** The class of every key while {@link #codes} is in use. */
    private Class<?> codedClass;
    /** False once a key without a code, or of another class, was stored: {@link #codes} stays null from then. */
    private boolean coding = true;

    /** @param versions the snapshot versions of the backend, which decide what a write must copy first */
    StateMap(CopyOnWriteVersions versions) {
        this.versions = versions;
    }

    private static int hash(Object key, Object namespace) {
        int h = key.hashCode() * 31 + namespace.hashCode();
        return h ^ (h >>> 16);
    }

    /** @return the slot of (key, namespace), or -1; valid while {@link #version()} is unchanged */
    int indexOf(K key, N namespace) {
        int h = hash(key, namespace);
        int[] hs = hashes;
        Object[] es = entries;
        int mask = hs.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Object k = es[3 * i];
            if (k == null) {
                return -1;
            }
            if (k == key && es[3 * i + 1] == namespace) {
                // The same key and namespace objects (repeated keys often are: see AsciiStringCache): decided on
                // the entry's own cache line, without the hash array's.
                return i;
            }
            if (codes != null) {
                return probeByCode(key, namespace, i);
            }
            if (hs[i] == h && sameNamespace(es[3 * i + 1], namespace) && (k == key || k.equals(key))) {
                return i;
            }
        }
    }

    /**
     * Goes on with a probe from {@code start}, its first slot whose key is not {@code key} itself, comparing the
     * keys' codes (see {@link #codes}).
     */
    private int probeByCode(K key, N namespace, int start) {
        if (key.getClass() != codedClass) {
            // String, Long and Integer equal only keys of their own class.
            return -1;
        }
        long code = KeyCodes.codeOf(key);
        if (KeyCodes.lacksCode(key, code)) {
            // Every stored key has a code, and equal strings either both have one or both lack one.
            return -1;
        }
        long[] cs = codes;
        Object[] es = entries;
        int mask = cs.length - 1;
        for (int i = start; ; i = (i + 1) & mask) {
            if (es[3 * i] == null) {
                return -1;
            }
            if (cs[i] == code && sameNamespace(es[3 * i + 1], namespace)) {
                return i;
            }
        }
    }

    private static boolean sameNamespace(Object stored, Object namespace) {
        return stored == namespace || stored.equals(namespace);
    }

    /** @return the state at a slot from {@link #indexOf} or {@link #put} */
    @SuppressWarnings("unchecked")
    S stateAt(int index) {
        return (S) entries[3 * index + 2];
    }

    /**
     * Stores {@code key}, equal to the slot's key, as the slot's key object, unless a live snapshot reads the
     * entries. The next lookup with the same instance then matches by identity on the entry's own cache line,
     * instead of reading the hash array and comparing the stored key (two more cache lines for a string). Keys
     * arrive as new instances after deserialization, and a deserializer's string cache hands out its current
     * instance, which changes whenever the cache drops and re-reads a string.
     */
    void adoptKey(int index, K key) {
        if (entries[3 * index] != key && versions.highestLive() == 0) {
            unshare();
            entries[3 * index] = key;
        }
    }

    /** Replaces the state at a slot. */
    void setStateAt(int index, S state) {
        if (versions.highestLive() != 0) {
            unshare();
            stamps[index] = versions.latest();
        }
        entries[3 * index + 2] = state;
    }

    /** @return true if the state object at a slot is read by a live snapshot and must be copied before a change */
    boolean isShared(int index) {
        int live = versions.highestLive();
        // With no snapshot live this is one comparison and does not touch the stamps array.
        return live != 0 && stamps[index] < live;
    }

    /** Sets the state of (key, namespace). @return its slot */
    int put(K key, N namespace, S state) {
        int index = indexOf(key, namespace);
        if (index >= 0) {
            setStateAt(index, state);
            return index;
        }
        boolean snapshotLive = versions.highestLive() != 0;
        if ((size + 1) * 4 > hashes.length * 3) {
            resize();
        } else if (snapshotLive) {
            unshare();
        }
        int h = hash(key, namespace);
        int mask = hashes.length - 1;
        int i = h & mask;
        while (entries[3 * i] != null) {
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        noteCode(key, i);
        entries[3 * i] = key;
        entries[3 * i + 1] = namespace;
        entries[3 * i + 2] = state;
        if (snapshotLive) {
            stamps[i] = versions.latest();
        }
        size++;
        return i;
    }

    /** Records the code of a key stored in slot i, or stops using codes if it has none or is of another class. */
    private void noteCode(K key, int i) {
        if (!coding) {
            return;
        }
        Class<?> c = key.getClass();
        boolean sameClass = codedClass == null ? KeyCodes.isCodedClass(c) : c == codedClass;
        long code = sameClass ? KeyCodes.codeOf(key) : KeyCodes.NONE;
        if (!sameClass || KeyCodes.lacksCode(key, code)) {
            coding = false;
            codes = null;
            return;
        }
        if (codes == null) {
            codedClass = c;
            codes = new long[hashes.length];
        }
        codes[i] = code;
    }

    /** Removes (key, namespace), shifting later entries of its probe run back so lookups still find them. */
    void remove(K key, N namespace) {
        int gap = indexOf(key, namespace);
        if (gap < 0) {
            return;
        }
        if (versions.highestLive() != 0) {
            unshare();
        }
        int mask = hashes.length - 1;
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            if (entries[3 * i] == null) {
                break;
            }
            int home = hashes[i] & mask;
            // Move entry i into the gap unless its home slot lies cyclically in (gap, i].
            boolean homeBetween = gap <= i ? (gap < home && home <= i) : (gap < home || home <= i);
            if (!homeBetween) {
                moveSlot(i, gap);
                gap = i;
            }
        }
        entries[3 * gap] = null;
        entries[3 * gap + 1] = null;
        entries[3 * gap + 2] = null;
        size--;
        version++;
    }

    private void moveSlot(int from, int to) {
        hashes[to] = hashes[from];
        if (codes != null) {
            codes[to] = codes[from];
        }
        System.arraycopy(entries, 3 * from, entries, 3 * to, 3);
        stamps[to] = stamps[from];
    }

    /**
     * Calls {@code action} with every entry, in slot order; the action must not change this map.
     *
     * @throws E what the action throws; the entries after it are not visited
     */
    @SuppressWarnings("unchecked")
    <E extends Exception> void forEach(EntryConsumer<K, N, S, E> action) throws E {
        Object[] es = entries;
        for (int i = 0; i < es.length / 3; i++) {
            if (es[3 * i] != null) {
                action.accept(i, (K) es[3 * i], (N) es[3 * i + 1], (S) es[3 * i + 2]);
            }
        }
    }

    /**
     * Receives one entry of {@link #forEach}.
     *
     * @param <K> key type
     * @param <N> namespace type
     * @param <S> state object type
     * @param <E> what it may throw
     */
    @FunctionalInterface
    interface EntryConsumer<K, N, S, E extends Exception> {
        /** @param slot the entry's slot, for {@link #isShared} */
        void accept(int slot, K key, N namespace, S state) throws E;
    }

    /**
     * Reads the header of every key and state object, in a loop with nothing else in it, so that the processor
     * overlaps the cache misses (a window's objects were written long ago and are scattered over the heap) and a
     * visit of the entries that follows finds them in cache instead of waiting for each in turn.
     *
     * @return a value derived from the reads, for the caller to keep so that they are not optimized away
     */
    int touchObjects() {
        Object[] es = entries;
        int classes = 0;
        for (int i = 0; i < es.length / 3; i++) {
            Object k = es[3 * i];
            if (k != null) {
                classes += k.getClass().hashCode();
                Object state = es[3 * i + 2];
                if (state != null) {
                    classes += state.getClass().hashCode();
                }
            }
        }
        return classes;
    }

    /** @return the keys with an entry in {@code namespace}; the map must not change while it is consumed */
    @SuppressWarnings("unchecked")
    Stream<K> keys(Object namespace) {
        Object[] es = entries;
        return IntStream.range(0, es.length / 3)
                .filter(i -> es[3 * i] != null && sameNamespace(es[3 * i + 1], namespace))
                .mapToObj(i -> (K) es[3 * i]);
    }

    /** @return every (key, namespace) with an entry; the map must not change while it is consumed */
    @SuppressWarnings("unchecked")
    Stream<Tuple2<K, N>> keysAndNamespaces() {
        Object[] es = entries;
        return IntStream.range(0, es.length / 3).filter(i -> es[3 * i] != null)
                .mapToObj(i -> Tuple2.of((K) es[3 * i], (N) es[3 * i + 1]));
    }

    int size() {
        return size;
    }

    /** @return a number that changes whenever slots move */
    int version() {
        return version;
    }

    private void resize() {
        int[] oldHashes = hashes;
        Object[] oldEntries = entries;
        int[] oldStamps = stamps;
        long[] oldCodes = codes;
        int capacity = oldHashes.length * 2;
        hashes = new int[capacity];
        entries = new Object[3 * capacity];
        stamps = new int[capacity];
        codes = oldCodes == null ? null : new long[capacity];
        // The new array belongs to this map alone; a snapshot keeps reading the old one.
        sharedFrom = 0;
        int mask = capacity - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            if (oldEntries[3 * j] != null) {
                int i = oldHashes[j] & mask;
                while (entries[3 * i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                System.arraycopy(oldEntries, 3 * j, entries, 3 * i, 3);
                stamps[i] = oldStamps[j];
                if (oldCodes != null) {
                    codes[i] = oldCodes[j];
                }
            }
        }
        version++;
    }

    /**
     * Gives the entry array back to this map alone, cloning it if a live snapshot still reads it; called before a
     * write while a snapshot is live. (With none live, a stale {@code sharedFrom} is harmless: it stays at most the
     * first holder, and the next snapshot takes this same array.)
     */
    private void unshare() {
        if (sharedFrom == 0) {
            return;
        }
        if (versions.highestLive() >= sharedFrom) {
            entries = entries.clone();
        }
        sharedFrom = 0;
    }

    /**
     * The synchronous part of a snapshot of this map: O(1), the entry array is handed over and copied by the first
     * write.
     *
     * @param snapshotVersion the version just taken from {@link CopyOnWriteVersions#take()}
     * @return the entries as they are now, or null if the map is empty
     */
    StateMapSnapshot snapshot(int snapshotVersion) {
        if (size == 0) {
            return null;
        }
        if (sharedFrom == 0) {
            sharedFrom = snapshotVersion;
        }
        return new StateMapSnapshot(entries, size);
    }

    /**
     * The entries of one map at a snapshot: slot i holds an entry iff {@link #keyAt}{@code (i) != null}. Never
     * written after it was taken (see {@link StateMap}).
     *
     * <p><b>Threading:</b> immutable (by the copy-on-write protocol); read by the async snapshot thread.
     *
     * @param entries key, namespace and state of slot i at {@code 3i}, {@code 3i + 1}, {@code 3i + 2}
     * @param size the number of entries
     */
    record StateMapSnapshot(Object[] entries, int size) {

        /** @return the number of slots */
        int capacity() {
            return entries.length / 3;
        }

        /** @return the key of slot i, or null if the slot is empty */
        Object keyAt(int i) {
            return entries[3 * i];
        }

        /** @return the namespace of slot i */
        Object namespaceAt(int i) {
            return entries[3 * i + 1];
        }

        /** @return the state of slot i */
        Object stateAt(int i) {
            return entries[3 * i + 2];
        }
    }
}
