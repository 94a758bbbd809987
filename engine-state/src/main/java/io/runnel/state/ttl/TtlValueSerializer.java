package io.runnel.state.ttl;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.NullableSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;

/**
 * Writes a {@link TtlValue} as the timestamp (8 bytes, big-endian) followed by the user value with a one-byte null
 * flag. The flag is needed because list elements and map values may be null and serializers of boxed primitives
 * reject null. The encoding is self-delimiting whenever the user serializer is, which RocksDB's appended list
 * values rely on. The timestamp comes first so that a reader could check expiry without decoding the value.
 *
 * <p><b>Threading:</b> as the wrapped serializer; {@link #duplicate()} gives a copy for another thread.
 *
 * @param <V> the user value type
 */
final class TtlValueSerializer<V> extends TypeSerializer<TtlValue<V>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<V> userSerializer;

    /** @param userSerializer serializer of the user values, wrapped here with a null flag */
    TtlValueSerializer(TypeSerializer<V> userSerializer) {
        this.userSerializer = userSerializer instanceof NullableSerializer<V> ? userSerializer
                : new NullableSerializer<>(userSerializer);
    }

    @Override
    public void serialize(TtlValue<V> value, DataOutputView out) throws IOException {
        out.writeLong(value.lastAccessTimestampMillis());
        userSerializer.serialize(value.userValue(), out);
    }

    @Override
    public TtlValue<V> deserialize(DataInputView in) throws IOException {
        long timestamp = in.readLong();
        return new TtlValue<>(userSerializer.deserialize(in), timestamp);
    }

    @Override
    public TypeSerializer<TtlValue<V>> duplicate() {
        TypeSerializer<V> copy = userSerializer.duplicate();
        return copy == userSerializer ? this : new TtlValueSerializer<>(copy);
    }
}
