package io.runnel.state.heap;

import io.runnel.api.common.Tuple2;
import io.runnel.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * All entries of one registered state, split by key group so that snapshots and rescaling can work per group.
 *
 * <p>By default one map per key group holds the entries of every namespace. A state that holds few namespaces with
 * many keys each (the slices of time windows) can be {@linkplain #partitionByNamespace() partitioned}: each
 * namespace then has maps of its own. A window's entries stay dense while later windows fill up (a 200 ms watermark
 * interval at 9M events/s leaves ~18 of W3's 10 s windows open at once, so the current window's entries would
 * otherwise be one in ~18 of the slots a lookup touches), and firing a window takes its maps whole. Sessions, one
 * namespace per key, must not be partitioned: each namespace costs an array of maps.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <N> namespace type
 * @param <S> state object type
 */
final class StateTable<K, N, S> {

    private final KeyGroupRange range;
    private final CopyOnWriteVersions versions;
    /** The maps of all namespaces, or of the namespace {@link #lastNamespace} when partitioned. Owner: task thread. */
    private StateMap<K, N, S>[] maps;
    /** Per namespace its maps, when partitioned; null otherwise. Owner: task thread. */
    private Map<Object, StateMap<K, N, S>[]> partitions;
    /** The namespace whose maps {@link #maps} are, when partitioned: lookups for one window repeat it. */
    private Object lastNamespace;

    /**
     * @param range the key groups of the backend
     * @param versions the backend's snapshot versions, shared by all its maps
     */
    StateTable(KeyGroupRange range, CopyOnWriteVersions versions) {
        this.range = range;
        this.versions = versions;
        this.maps = newMaps();
    }

    @SuppressWarnings("unchecked")
    private StateMap<K, N, S>[] newMaps() {
        return (StateMap<K, N, S>[]) new StateMap[range.numberOfKeyGroups()];
    }

    /**
     * Gives each namespace maps of its own from now on, moving the entries already stored (restored ones).
     *
     * @throws IllegalStateException if a snapshot is live: moved entries would lose their copy-on-write marks
     */
    void partitionByNamespace() {
        if (partitions != null) {
            return;
        }
        if (versions.highestLive() != 0) {
            throw new IllegalStateException("a state cannot be partitioned by namespace while a snapshot is live");
        }
        StateMap<K, N, S>[] all = maps;
        partitions = new HashMap<>();
        lastNamespace = null;
        maps = null;
        for (int i = 0; i < all.length; i++) {
            if (all[i] != null) {
                int keyGroup = range.startKeyGroup() + i;
                all[i].forEach((key, namespace, state) -> mapFor(namespace, keyGroup).put(key, namespace, state));
            }
        }
    }

    /** @return the maps of a namespace, or null if it has none; the maps of all when not partitioned */
    private StateMap<K, N, S>[] mapsOf(Object namespace) {
        if (partitions == null || namespace == lastNamespace) {
            return maps;
        }
        StateMap<K, N, S>[] found = partitions.get(namespace);
        if (found != null) {
            lastNamespace = namespace;
            maps = found;
        }
        return found;
    }

    /** @return the map of a namespace's key group, or null if nothing is stored there */
    StateMap<K, N, S> mapOrNull(N namespace, int keyGroup) {
        StateMap<K, N, S>[] ms = mapsOf(namespace);
        return ms == null ? null : ms[keyGroup - range.startKeyGroup()];
    }

    /** @return the map of a namespace's key group, created on first use */
    StateMap<K, N, S> mapFor(N namespace, int keyGroup) {
        StateMap<K, N, S>[] ms = mapsOf(namespace);
        if (ms == null) {
            ms = newMaps();
            partitions.put(namespace, ms);
            lastNamespace = namespace;
            maps = ms;
        }
        int index = keyGroup - range.startKeyGroup();
        StateMap<K, N, S> m = ms[index];
        if (m == null) {
            m = new StateMap<>(versions);
            ms[index] = m;
        }
        return m;
    }

    void remove(K key, int keyGroup, N namespace) {
        StateMap<K, N, S> m = mapOrNull(namespace, keyGroup);
        if (m != null) {
            m.remove(key, namespace);
            if (partitions != null && m.size() == 0) {
                dropIfEmpty(namespace);
            }
        }
    }

    /** Forgets a namespace's maps once they hold nothing, so that namespaces come and go without a leak. */
    private void dropIfEmpty(Object namespace) {
        StateMap<K, N, S>[] ms = partitions.get(namespace);
        for (StateMap<K, N, S> m : ms) {
            if (m != null && m.size() > 0) {
                return;
            }
        }
        dropPartition(namespace);
    }

    private void dropPartition(Object namespace) {
        partitions.remove(namespace);
        if (Objects.equals(lastNamespace, namespace)) {
            lastNamespace = null;
            maps = null;
        }
    }

    /** @return every map array: one per namespace when partitioned, else the one array */
    private List<StateMap<K, N, S>[]> allMaps() {
        return partitions == null ? List.<StateMap<K, N, S>[]>of(maps) : new ArrayList<>(partitions.values());
    }

    /**
     * Removes every entry whose namespace is in {@code namespaces}, key group by key group: from the maps of all
     * namespaces in one pass (see {@link StateMap#extract}), or, when partitioned, by taking each listed namespace's
     * maps whole, in the list's order.
     *
     * @param namespaces distinct namespaces
     * @param sink gets each removed entry with its key group; it must not change this table
     * @return the number of entries removed
     * @throws IllegalArgumentException if a namespace is listed twice
     */
    int extract(List<N> namespaces, GroupExtractSink<K, S> sink) {
        // Also rejects a namespace listed twice, whichever way the entries are found.
        NamespacePositions positions = new NamespacePositions(namespaces);
        int removed = 0;
        if (partitions == null) {
            return extractFrom(maps, positions, sink);
        }
        for (int p = 0; p < namespaces.size(); p++) {
            StateMap<K, N, S>[] ms = mapsOf(namespaces.get(p));
            if (ms == null) {
                continue;
            }
            dropPartition(namespaces.get(p));
            for (int i = 0; i < ms.length; i++) {
                if (ms[i] != null) {
                    int keyGroup = range.startKeyGroup() + i;
                    removed += ms[i].visitAll(p,
                            (position, key, state, shared) -> sink.accept(position, keyGroup, key, state, shared));
                }
            }
        }
        return removed;
    }

    private int extractFrom(StateMap<K, N, S>[] ms, NamespacePositions positions, GroupExtractSink<K, S> sink) {
        int removed = 0;
        for (int i = 0; i < ms.length; i++) {
            StateMap<K, N, S> m = ms[i];
            if (m != null && m.size() > 0) {
                int keyGroup = range.startKeyGroup() + i;
                removed += m.extract(positions,
                        (position, key, state, shared) -> sink.accept(position, keyGroup, key, state, shared));
            }
        }
        return removed;
    }

    /**
     * Receives one entry of {@link #extract}.
     *
     * @param <K> key type
     * @param <S> state object type
     */
    @FunctionalInterface
    interface GroupExtractSink<K, S> {
        /** See {@link StateMap.ExtractSink#accept}; {@code keyGroup} is the entry's key group. */
        void accept(int position, int keyGroup, K key, S state, boolean shared);
    }

    /** @return the keys with an entry in {@code namespace}, key group by key group */
    Stream<K> keys(Object namespace) {
        StateMap<K, N, S>[] ms = partitions == null ? maps : partitions.get(namespace);
        return ms == null ? Stream.empty()
                : Arrays.stream(ms).filter(Objects::nonNull).flatMap(m -> m.keys(namespace));
    }

    /** @return every (key, namespace) with an entry, key group by key group within a namespace's maps */
    Stream<Tuple2<K, N>> keysAndNamespaces() {
        return allMaps().stream().flatMap(Arrays::stream).filter(Objects::nonNull)
                .flatMap(StateMap::keysAndNamespaces);
    }

    /**
     * The synchronous part of a snapshot: O(key groups × namespace partitions), no entry is visited (see
     * {@link StateMap#snapshot}).
     *
     * @param snapshotVersion the version just taken
     * @return per key group of the range, in order, the entries of its maps now (one per namespace partition; none
     *     where a group is empty)
     */
    StateMap.StateMapSnapshot[][] snapshot(int snapshotVersion) {
        List<StateMap<K, N, S>[]> all = allMaps();
        StateMap.StateMapSnapshot[][] groups = new StateMap.StateMapSnapshot[range.numberOfKeyGroups()][];
        List<StateMap.StateMapSnapshot> parts = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            parts.clear();
            for (StateMap<K, N, S>[] ms : all) {
                StateMap.StateMapSnapshot part = ms[i] == null ? null : ms[i].snapshot(snapshotVersion);
                if (part != null) {
                    parts.add(part);
                }
            }
            groups[i] = parts.toArray(new StateMap.StateMapSnapshot[0]);
        }
        return groups;
    }

    /** @return the number of entries over all key groups */
    int size() {
        int n = 0;
        for (StateMap<K, N, S>[] ms : allMaps()) {
            for (StateMap<K, N, S> m : ms) {
                n += m == null ? 0 : m.size();
            }
        }
        return n;
    }
}
