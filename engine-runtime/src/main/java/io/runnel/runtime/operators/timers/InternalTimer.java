package io.runnel.runtime.operators.timers;

import io.runnel.state.PriorityQueueSpec;

/**
 * One timer: fire at {@code timestamp} (ms) for {@code key} in {@code namespace} ({@code VoidNamespace} for process
 * functions, the window for window operators). Equal timers (same time, key and namespace) are one timer.
 *
 * <p>The hash codes of key and namespace are computed once: the heap queue compares timers on every sift and the
 * deduplicating index hashes them, and reading them from the timer saves a visit to the key and namespace objects.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <K> key type
 * @param <N> namespace type
 */
public final class InternalTimer<K, N> {

    private final long timestamp;
    private final K key;
    private final N namespace;
    private final int keyGroup;
    private final int keyHash;
    private final int namespaceHash;

    /**
     * @param timestamp when to fire, in ms (event time or wall clock, by the queue it sits in)
     * @param key the key that is current when it fires
     * @param namespace the namespace it belongs to
     * @param keyGroup the key group of {@code key}, kept so queues and snapshots need not hash the key again
     */
    public InternalTimer(long timestamp, K key, N namespace, int keyGroup) {
        this.timestamp = timestamp;
        this.key = key;
        this.namespace = namespace;
        this.keyGroup = keyGroup;
        this.keyHash = key.hashCode();
        this.namespaceHash = namespace.hashCode();
    }

    /** @return when to fire, in ms */
    public long timestamp() {
        return timestamp;
    }

    /** @return the key that is current when it fires */
    public K key() {
        return key;
    }

    /** @return the namespace it belongs to */
    public N namespace() {
        return namespace;
    }

    /** @return the key group of the key */
    public int keyGroup() {
        return keyGroup;
    }

    /**
     * Orders by timestamp, then by key group, then by the hash codes of key and namespace, so that equal-time
     * timers fire in an order that does not depend on registration order, and the timers of one key group fire
     * together: their state sits in the same per-group maps (as Flink fires a key group's timers from its own
     * queue).
     */
    static int compare(InternalTimer<?, ?> a, InternalTimer<?, ?> b) {
        int c = Long.compare(a.timestamp, b.timestamp);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.keyGroup, b.keyGroup);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.keyHash, b.keyHash);
        return c != 0 ? c : Integer.compare(a.namespaceHash, b.namespaceHash);
    }

    /**
     * @return {@link #compare}'s order as two longs: the timestamp; then the key group (bits 48 to 62, key groups
     *     are below 2^15), the key hash (bits 16 to 47) and the high half of the namespace hash (bits 0 to 15), both
     *     hashes with the sign bit flipped so that they order unsigned as they do signed. Timers that differ only in
     *     the low half of the namespace hash tie, and {@link #compare} decides.
     */
    @SuppressWarnings("unchecked")
    static <K, N> PriorityQueueSpec.SortKeys<InternalTimer<K, N>> sortKeys() {
        return (PriorityQueueSpec.SortKeys<InternalTimer<K, N>>) (PriorityQueueSpec.SortKeys<?>) SORT_KEYS;
    }

    private static final PriorityQueueSpec.SortKeys<InternalTimer<?, ?>> SORT_KEYS =
            new PriorityQueueSpec.SortKeys<>() {
        @Override
        public long primary(InternalTimer<?, ?> timer) {
            return timer.timestamp;
        }

        @Override
        public long secondary(InternalTimer<?, ?> timer) {
            long keyHash = (timer.keyHash ^ Integer.MIN_VALUE) & 0xFFFF_FFFFL;
            long namespaceHigh = (timer.namespaceHash ^ Integer.MIN_VALUE) >>> 16;
            return ((long) timer.keyGroup << 48) | (keyHash << 16) | namespaceHigh;
        }
    };

    @Override
    public boolean equals(Object o) {
        return o instanceof InternalTimer<?, ?> t && t.timestamp == timestamp && t.keyHash == keyHash
                && t.namespaceHash == namespaceHash && t.key.equals(key) && t.namespace.equals(namespace);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(timestamp) * 31 + keyHash) * 31 + namespaceHash;
    }

    @Override
    public String toString() {
        return "InternalTimer[timestamp=" + timestamp + ", key=" + key + ", namespace=" + namespace + "]";
    }
}
