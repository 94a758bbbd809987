package io.runnel.state.heap;

import io.runnel.api.common.Tuple2;
import io.runnel.state.KeyGroupRange;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * All entries of one registered state, split by key group so that snapshots and rescaling can work per group.
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
    private final StateMap<K, N, S>[] maps;

    /**
     * @param range the key groups of the backend
     * @param versions the backend's snapshot versions, shared by all its maps
     */
    @SuppressWarnings("unchecked")
    StateTable(KeyGroupRange range, CopyOnWriteVersions versions) {
        this.range = range;
        this.versions = versions;
        this.maps = (StateMap<K, N, S>[]) new StateMap[range.numberOfKeyGroups()];
    }

    private StateMap<K, N, S> map(int keyGroup) {
        int index = keyGroup - range.startKeyGroup();
        StateMap<K, N, S> m = maps[index];
        if (m == null) {
            m = new StateMap<>(versions);
            maps[index] = m;
        }
        return m;
    }

    /** @return the map of a key group, or null if nothing was ever stored in it */
    StateMap<K, N, S> mapOrNull(int keyGroup) {
        return maps[keyGroup - range.startKeyGroup()];
    }

    /** @return the map of a key group, created on first use */
    StateMap<K, N, S> mapFor(int keyGroup) {
        return map(keyGroup);
    }

    void remove(K key, int keyGroup, N namespace) {
        StateMap<K, N, S> m = maps[keyGroup - range.startKeyGroup()];
        if (m != null) {
            m.remove(key, namespace);
        }
    }

    /**
     * Removes every entry whose namespace is in {@code namespaces} from the maps, key group by key group (see
     * {@link StateMap#extract}).
     *
     * @param namespaces distinct namespaces
     * @param sink gets each removed entry with its key group; it must not change this table
     * @return the number of entries removed
     */
    int extract(List<N> namespaces, GroupExtractSink<K, S> sink) {
        NamespacePositions positions = new NamespacePositions(namespaces);
        int removed = 0;
        for (int i = 0; i < maps.length; i++) {
            StateMap<K, N, S> m = maps[i];
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
        return Arrays.stream(maps).filter(Objects::nonNull).flatMap(m -> m.keys(namespace));
    }

    /** @return every (key, namespace) with an entry, key group by key group */
    Stream<Tuple2<K, N>> keysAndNamespaces() {
        return Arrays.stream(maps).filter(Objects::nonNull).flatMap(StateMap::keysAndNamespaces);
    }

    /**
     * The synchronous part of a snapshot: O(key groups), no entry is visited (see {@link StateMap#snapshot}).
     *
     * @param snapshotVersion the version just taken
     * @return per key group of the range, in order, its entries now, or null where there are none
     */
    StateMap.StateMapSnapshot[] snapshot(int snapshotVersion) {
        StateMap.StateMapSnapshot[] groups = new StateMap.StateMapSnapshot[maps.length];
        for (int i = 0; i < maps.length; i++) {
            groups[i] = maps[i] == null ? null : maps[i].snapshot(snapshotVersion);
        }
        return groups;
    }

    /** @return the number of entries over all key groups */
    int size() {
        int n = 0;
        for (StateMap<K, N, S> m : maps) {
            n += m == null ? 0 : m.size();
        }
        return n;
    }
}
