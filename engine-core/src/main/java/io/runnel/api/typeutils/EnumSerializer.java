package io.runnel.api.typeutils;

import io.runnel.annotation.Internal;
import java.io.IOException;

/**
 * Serializes an enum constant as a varint of its ordinal + 1 (0 for null).
 *
 * <p><b>Threading:</b> immutable after construction.
 *
 * @param <E> the enum type
 */
@Internal
public final class EnumSerializer<E extends Enum<E>> extends TypeSerializer<E> {

    private static final long serialVersionUID = 1L;

    private final Class<E> enumClass;
    private transient E[] constants;

    public EnumSerializer(Class<E> enumClass) {
        this.enumClass = enumClass;
    }

    @Override
    public void serialize(E value, DataOutputView out) throws IOException {
        out.writeVarInt(value == null ? 0 : value.ordinal() + 1);
    }

    @Override
    public E deserialize(DataInputView in) throws IOException {
        int tag = in.readVarInt();
        if (tag == 0) {
            return null;
        }
        if (constants == null) {
            constants = enumClass.getEnumConstants();
        }
        if (tag > constants.length) {
            throw new IOException("ordinal " + (tag - 1) + " is not a constant of " + enumClass.getName());
        }
        return constants[tag - 1];
    }
}
