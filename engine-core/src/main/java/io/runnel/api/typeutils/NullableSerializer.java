package io.runnel.api.typeutils;

import io.runnel.annotation.Internal;
import java.io.IOException;

/**
 * Wraps a serializer that rejects {@code null} (the boxed primitives) with a one-byte null flag.
 *
 * <p><b>Threading:</b> as the wrapped serializer.
 *
 * @param <T> the type serialized
 */
@Internal
public final class NullableSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;
    private final TypeSerializer<T> inner;

    public NullableSerializer(TypeSerializer<T> inner) {
        this.inner = inner;
    }

    @Override
    public void serialize(T value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeBoolean(false);
            return;
        }
        out.writeBoolean(true);
        inner.serialize(value, out);
    }

    @Override
    public T deserialize(DataInputView in) throws IOException {
        return in.readBoolean() ? inner.deserialize(in) : null;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<T> dup = inner.duplicate();
        return dup == inner ? this : new NullableSerializer<>(dup);
    }
}
