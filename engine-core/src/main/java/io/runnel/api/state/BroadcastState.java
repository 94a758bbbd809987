package io.runnel.api.state;

import io.runnel.annotation.Public;
import java.util.Map;

/**
 * A map shared by all keys of one parallel instance of a broadcast-connected operator, named by a
 * {@link MapStateDescriptor} given to {@code DataStream.broadcast(descriptors)}. The broadcast side writes it; as
 * every instance processes the same broadcast elements, every instance holds the same map if the broadcast side's
 * updates depend only on those elements. Follows Flink's {@code BroadcastState}.
 *
 * <p><b>Threading:</b> task thread only, during a call of the function that got it.
 *
 * @param <K> the map's key type
 * @param <V> the map's value type
 */
@Public
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {

    /** Puts {@code key -> value}. */
    void put(K key, V value);

    /** Puts all entries of {@code map}. */
    void putAll(Map<K, V> map);

    /** Removes {@code key}. */
    void remove(K key);

    /** Removes every entry. */
    void clear();

    /** @return the entries; removing through the iterator removes from the state */
    Iterable<Map.Entry<K, V>> entries();
}
