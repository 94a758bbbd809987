package io.runnel.state;

import java.util.List;

/**
 * A keyed state that keeps each namespace's entries apart and can hand over all entries of some namespaces at once,
 * key group by key group, without a hash lookup per key. A window operator uses it to fire every key of the windows
 * a watermark passed: with per-key timers or key lists, each firing would hash its key again and look the (key,
 * window) entry up twice (read, then clear), and those lookups miss the cache because the entry was last touched
 * long before. Keeping windows apart also keeps the open window's entries dense: at 9M events/s a 200 ms watermark
 * interval leaves ~18 of W3's 10 s windows open at once.
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
     * Declares that this state holds few namespaces with many keys each (the slices of time windows, not sessions),
     * so that it keeps each namespace's entries apart: lookups within one namespace then touch dense memory, and
     * {@link #drainNamespaces} takes a namespace's entries whole. Entries already stored (restored ones) are
     * moved. Idempotent.
     *
     * @throws IllegalStateException if a snapshot of the backend is in progress
     */
    void partitionByNamespace();

    /**
     * Removes every entry whose namespace equals one of {@code namespaces}, then visits them: namespace by namespace
     * in the list's order, within a namespace key group by key group. Before each visit the backend's current key
     * is that entry's key, so the visitor may read and write states of the backend for it, this one included.
     *
     * @param namespaces distinct namespaces, matched by {@code equals}
     * @param visitor called once per removed entry with its key, its namespace (the list's instance) and its stored
     *     contents: the value of a value or reducing state, the accumulator of an aggregating state, a
     *     {@code java.util.List} of the elements of a list state, a {@code java.util.Map} of a map state; the object
     *     is the visitor's to keep (a live snapshot keeps its own copy)
     * @return the number of entries removed
     * @throws IllegalStateException if the state was not {@linkplain #partitionByNamespace() partitioned}
     * @throws IllegalArgumentException if a namespace is listed twice
     * @throws Exception whatever the visitor throws; the entries are removed all the same
     */
    int drainNamespaces(List<N> namespaces, Visitor<K, N> visitor) throws Exception;

    /**
     * Receives one drained entry.
     *
     * @param <K> key type
     * @param <N> namespace type
     */
    @FunctionalInterface
    interface Visitor<K, N> {
        /**
         * @param key the entry's key, also the backend's current key
         * @param namespace the entry's namespace
         * @param contents the entry's stored contents (see {@link #drainNamespaces})
         * @throws Exception anything; it ends the visits
         */
        void visit(K key, N namespace, Object contents) throws Exception;
    }
}
