package io.runnel.state.heap;

import io.runnel.state.KeyGroupRange;
import java.util.Arrays;
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
    private final StateMap<K, N, S>[] maps;

    @SuppressWarnings("unchecked")
    StateTable(KeyGroupRange range) {
        this.range = range;
        this.maps = (StateMap<K, N, S>[]) new StateMap[range.numberOfKeyGroups()];
    }

    private StateMap<K, N, S> map(int keyGroup) {
        int index = keyGroup - range.startKeyGroup();
        StateMap<K, N, S> m = maps[index];
        if (m == null) {
            m = new StateMap<>();
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

    /** @return the keys with an entry in {@code namespace}, key group by key group */
    Stream<K> keys(Object namespace) {
        return Arrays.stream(maps).filter(Objects::nonNull).flatMap(m -> m.keys(namespace));
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
