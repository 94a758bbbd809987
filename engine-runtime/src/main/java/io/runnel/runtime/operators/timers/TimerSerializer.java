package io.runnel.runtime.operators.timers;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.KeyGroupRangeAssignment;
import java.io.IOException;

/**
 * Serializes a timer as its timestamp (8 bytes big-endian with the sign bit flipped, so that unsigned byte order
 * is numeric order, negative times included), then the key, then the namespace. Backends that keep timers as
 * bytes (RocksDB) get the (timestamp, key, namespace) order from the bytes alone.
 *
 * <p><b>Threading:</b> as the key and namespace serializers ({@link #duplicate()} per thread when they are
 * stateful).
 *
 * @param <K> key type
 * @param <N> namespace type
 */
final class TimerSerializer<K, N> extends TypeSerializer<InternalTimer<K, N>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<N> namespaceSerializer;
    private final int maxParallelism;

    TimerSerializer(TypeSerializer<K> keySerializer, TypeSerializer<N> namespaceSerializer, int maxParallelism) {
        this.keySerializer = keySerializer;
        this.namespaceSerializer = namespaceSerializer;
        this.maxParallelism = maxParallelism;
    }

    @Override
    public void serialize(InternalTimer<K, N> timer, DataOutputView out) throws IOException {
        out.writeLong(timer.timestamp() ^ Long.MIN_VALUE);
        keySerializer.serialize(timer.key(), out);
        namespaceSerializer.serialize(timer.namespace(), out);
    }

    @Override
    public InternalTimer<K, N> deserialize(DataInputView in) throws IOException {
        long timestamp = in.readLong() ^ Long.MIN_VALUE;
        K key = keySerializer.deserialize(in);
        N namespace = namespaceSerializer.deserialize(in);
        return new InternalTimer<>(timestamp, key, namespace,
                KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism));
    }

    @Override
    public TypeSerializer<InternalTimer<K, N>> duplicate() {
        return new TimerSerializer<>(keySerializer.duplicate(), namespaceSerializer.duplicate(), maxParallelism);
    }
}
