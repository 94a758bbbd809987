package io.runnel.api.state;

import io.runnel.annotation.Public;
import java.util.Map;

/**
 * The view of a broadcast state that the non-broadcast side of a broadcast connection gets: it may read, never
 * write, because only a change made from the broadcast side is made alike on every parallel instance (each
 * instance sees every broadcast element). Follows Flink's {@code ReadOnlyBroadcastState}.
 *
 * <p><b>Threading:</b> task thread only, during a call of the function that got it.
 *
 * @param <K> the map's key type
 * @param <V> the map's value type
 */
@Public
public interface ReadOnlyBroadcastState<K, V> {

    /** @return the value for {@code key}, or null */
    V get(K key);

    /** @return true if the map holds {@code key} */
    boolean contains(K key);

    /** @return the entries, unmodifiable; iteration order is not defined */
    Iterable<Map.Entry<K, V>> immutableEntries();
}
