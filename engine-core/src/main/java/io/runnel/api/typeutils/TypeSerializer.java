package io.runnel.api.typeutils;

import io.runnel.annotation.Public;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns values of one type into bytes and back, for the data exchange between tasks and for state snapshots.
 *
 * <p><b>Contract:</b> {@code deserialize(serialize(v))} equals {@code v}; a serializer reads exactly the bytes it
 * wrote. Serializers for boxed primitives reject {@code null}; the others accept it.
 *
 * <p><b>Threading:</b> an instance may hold scratch state (Kryo does); each thread works on its own copy from
 * {@link #duplicate()}. Stateless serializers return {@code this}.
 *
 * @param <T> the type serialized
 */
@Public
public abstract class TypeSerializer<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Writes {@code value} to {@code out}.
     *
     * @throws IOException if the target fails
     */
    public abstract void serialize(T value, DataOutputView out) throws IOException;

    /**
     * Reads one value written by {@link #serialize(Object, DataOutputView)}.
     *
     * @throws IOException if the bytes are truncated or malformed
     */
    public abstract T deserialize(DataInputView in) throws IOException;

    /** @return a serializer that is safe to use from another thread; {@code this} when stateless */
    public TypeSerializer<T> duplicate() {
        return this;
    }
}
