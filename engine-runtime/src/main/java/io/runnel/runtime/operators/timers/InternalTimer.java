package io.runnel.runtime.operators.timers;

/**
 * One timer: fire at {@code timestamp} (ms) for {@code key} in {@code namespace} ({@code VoidNamespace} for process
 * functions, the window for window operators). Equal timers are one timer.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param timestamp when to fire, in ms (event time or wall clock, by the queue it sits in)
 * @param key the key that is current when it fires
 * @param namespace the namespace it belongs to
 * @param keyGroup the key group of {@code key}, kept so queues and snapshots need not hash the key again
 * @param <K> key type
 * @param <N> namespace type
 */
public record InternalTimer<K, N>(long timestamp, K key, N namespace, int keyGroup) {

    /**
     * Orders by timestamp, then by the hash codes of key and namespace so that equal-time timers fire in an order
     * that does not depend on registration order.
     */
    static int compare(InternalTimer<?, ?> a, InternalTimer<?, ?> b) {
        int c = Long.compare(a.timestamp, b.timestamp);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.key.hashCode(), b.key.hashCode());
        return c != 0 ? c : Integer.compare(a.namespace.hashCode(), b.namespace.hashCode());
    }
}
