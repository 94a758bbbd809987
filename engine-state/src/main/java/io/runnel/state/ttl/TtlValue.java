package io.runnel.state.ttl;

/**
 * A user value stored together with its TTL timestamp: what a state with time-to-live keeps per value, per list
 * element and per map entry, on every backend (the heap keeps the record, RocksDB its serialized form, see
 * {@link TtlValueSerializer}). After Flink's {@code TtlValue}.
 *
 * <p><b>Threading:</b> immutable (the user value itself is as mutable as the user made it).
 *
 * @param userValue the value the user stored; may be null for list elements and map values
 * @param lastAccessTimestampMillis when the value was last written (or read, for
 *     {@link io.runnel.api.state.StateTtlConfig.UpdateType#OnReadAndWrite}), in ms of the backend's
 *     {@link io.runnel.state.TtlTimeProvider}
 * @param <V> the user value type
 */
public record TtlValue<V>(V userValue, long lastAccessTimestampMillis) {
}
