package io.runnel.state.heap;

import java.util.Arrays;

/**
 * Entries removed from a state table by {@link StateTable#extract}, kept per namespace position in the order they
 * were removed (key group by key group), until they are visited.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class DrainedEntries {

    private final Object[][] keys;
    private final int[][] keyGroups;
    private final Object[][] states;
    private final int[] sizes;
    /** A sink for {@link #touch}, so that its reads are not optimized away. */
    private int touched;

    /** @param namespaces the number of namespace positions */
    DrainedEntries(int namespaces) {
        keys = new Object[namespaces][];
        keyGroups = new int[namespaces][];
        states = new Object[namespaces][];
        sizes = new int[namespaces];
        for (int p = 0; p < namespaces; p++) {
            keys[p] = new Object[16];
            keyGroups[p] = new int[16];
            states[p] = new Object[16];
        }
    }

    void add(int position, int keyGroup, Object key, Object state) {
        int n = sizes[position];
        if (n == keys[position].length) {
            keys[position] = Arrays.copyOf(keys[position], 2 * n);
            keyGroups[position] = Arrays.copyOf(keyGroups[position], 2 * n);
            states[position] = Arrays.copyOf(states[position], 2 * n);
        }
        keys[position][n] = key;
        keyGroups[position][n] = keyGroup;
        states[position][n] = state;
        sizes[position] = n + 1;
    }

    /**
     * Reads the header of every key and state object of a position, in a loop with nothing else in it, so that the
     * processor overlaps the cache misses (the objects were written long ago and are scattered over the heap) and
     * the visits that follow find them in cache instead of waiting for each one in turn.
     */
    void touch(int position) {
        Object[] k = keys[position];
        Object[] s = states[position];
        int classes = 0;
        for (int i = 0; i < sizes[position]; i++) {
            classes += k[i].getClass().hashCode();
            if (s[i] != null) {
                classes += s[i].getClass().hashCode();
            }
        }
        touched += classes;
    }

    int size(int position) {
        return sizes[position];
    }

    Object key(int position, int i) {
        return keys[position][i];
    }

    int keyGroup(int position, int i) {
        return keyGroups[position][i];
    }

    Object state(int position, int i) {
        return states[position][i];
    }
}
