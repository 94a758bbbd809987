package io.runnel.state;

/**
 * A keyed state whose entries of one namespace can be visited and removed in one pass over its storage, key group
 * by key group, without a hash lookup per key. A window operator uses it to fire every key of a window at once:
 * with per-key timers or key lists, each firing would look the (key, window) entry up twice (read, then clear)
 * and hash the key again, and those lookups miss the cache because the entry was last touched long before.
 *
 * <p>Implemented by the heap backend's states, whose entries are objects in per-key-group hash maps. Backends for
 * state larger than memory do not implement it; a caller checks with {@code instanceof} and falls back to timers.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <N> namespace type
 */
public interface NamespaceDrainableState<K, N> {

    /**
     * Visits every entry of {@code namespace}, in key-group order (within a key group in storage order), and removes
     * each after its visit. Before each visit the backend's current key is that entry's key, so the visitor may read
     * and write other states of the backend for it.
     *
     * @param namespace the namespace to drain; matched by {@code equals}
     * @param visitor called once per entry with the key and the stored contents: the value of a value or reducing
     *     state, the accumulator of an aggregating state, a {@code java.util.List} of the elements of a list state;
     *     the object is the caller's to keep (a live snapshot keeps its own copy)
     * @return the number of entries visited and removed
     * @throws IllegalStateException if the visitor changed this state
     * @throws Exception whatever the visitor throws; entries not yet visited stay in the state
     */
    int drainNamespace(N namespace, Visitor<K> visitor) throws Exception;

    /**
     * Receives one drained entry.
     *
     * @param <K> key type
     */
    @FunctionalInterface
    interface Visitor<K> {
        /**
         * @param key the entry's key, also the backend's current key
         * @param contents the entry's stored contents (see {@link #drainNamespace})
         * @throws Exception anything; it ends the drain
         */
        void visit(K key, Object contents) throws Exception;
    }
}
