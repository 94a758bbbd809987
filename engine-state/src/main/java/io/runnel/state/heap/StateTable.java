package io.runnel.state.heap;

import io.runnel.api.common.Tuple2;
import io.runnel.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * All entries of one registered state, split by key group so that snapshots and rescaling can work per group.
 *
 * <p>By default one map per key group holds the entries of every namespace. A state that holds few namespaces with
 * many keys each (the slices of time windows) can be {@linkplain #partitionByNamespace() partitioned}: each
 * namespace then has maps of its own, and can be taken out whole ({@link #takeNamespaces}). A window's entries stay dense while later windows fill up (a 200 ms watermark
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
                all[i].forEach((slot, key, namespace, state) -> mapFor(namespace, keyGroup).put(key, namespace, state));
            }
        }
    }

    /** @return the maps of a namespace, or null if it has none; the maps of all when not partitioned */
    private StateMap<K, N, S>[] mapsOf(Object namespace) {
        if (partitions == null || namespace == lastNamespace) {
            return maps;
        }
        return switchPartition(namespace);
    }

    /** @return the maps of another namespace than the last one's, which become the current maps if found */
    private StateMap<K, N, S>[] switchPartition(Object namespace) {
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
     * Takes the maps of each listed namespace out of the table, all before the caller visits any of them (see
     * {@link io.runnel.state.NamespaceDrainableState#drainNamespaces}).
     *
     * @param namespaces distinct namespaces
     * @return per listed namespace, in order, its maps per key group of the range (null where a group has none), or
     *     null if it has no entries
     * @throws IllegalStateException if the table is not {@linkplain #partitionByNamespace() partitioned}
     * @throws IllegalArgumentException if a namespace is listed twice
     */
    List<StateMap<K, N, S>[]> takeNamespaces(List<N> namespaces) {
        if (partitions == null) {
            throw new IllegalStateException("a state is drained by namespace only once it is partitioned by namespace");
        }
        if (new HashSet<>(namespaces).size() != namespaces.size()) {
            throw new IllegalArgumentException("a namespace is listed twice in " + namespaces);
        }
        List<StateMap<K, N, S>[]> taken = new ArrayList<>(namespaces.size());
        for (N namespace : namespaces) {
            StateMap<K, N, S>[] ms = mapsOf(namespace);
            if (ms != null) {
                dropPartition(namespace);
            }
            taken.add(ms);
        }
        return taken;
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
