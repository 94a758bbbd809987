package io.runnel.api.typeutils;

import io.runnel.annotation.Internal;
import java.io.IOException;

/**
 * Hand-written serializers for the boxed primitives and {@code byte[]}. Boxed values must not be null.
 *
 * <p><b>Threading:</b> all stateless and immutable; shared freely.
 */
@Internal
public final class BasicSerializers {

    private BasicSerializers() {
    }

    /** Serializes {@link Long} as 8 bytes. */
    public static final class LongSerializer extends TypeSerializer<Long> {
        private static final long serialVersionUID = 1L;
        public static final LongSerializer INSTANCE = new LongSerializer();

        @Override
        public void serialize(Long value, DataOutputView out) throws IOException {
            out.writeLong(value);
        }

        @Override
        public Long deserialize(DataInputView in) throws IOException {
            return in.readLong();
        }
    }

    /** Serializes {@link Integer} as 4 bytes. */
    public static final class IntSerializer extends TypeSerializer<Integer> {
        private static final long serialVersionUID = 1L;
        public static final IntSerializer INSTANCE = new IntSerializer();

        @Override
        public void serialize(Integer value, DataOutputView out) throws IOException {
            out.writeInt(value);
        }

        @Override
        public Integer deserialize(DataInputView in) throws IOException {
            return in.readInt();
        }
    }

    /** Serializes {@link Double} as 8 bytes. */
    public static final class DoubleSerializer extends TypeSerializer<Double> {
        private static final long serialVersionUID = 1L;
        public static final DoubleSerializer INSTANCE = new DoubleSerializer();

        @Override
        public void serialize(Double value, DataOutputView out) throws IOException {
            out.writeDouble(value);
        }

        @Override
        public Double deserialize(DataInputView in) throws IOException {
            return in.readDouble();
        }
    }

    /** Serializes {@link Float} as 4 bytes. */
    public static final class FloatSerializer extends TypeSerializer<Float> {
        private static final long serialVersionUID = 1L;
        public static final FloatSerializer INSTANCE = new FloatSerializer();

        @Override
        public void serialize(Float value, DataOutputView out) throws IOException {
            out.writeFloat(value);
        }

        @Override
        public Float deserialize(DataInputView in) throws IOException {
            return in.readFloat();
        }
    }

    /** Serializes {@link Short} as 2 bytes. */
    public static final class ShortSerializer extends TypeSerializer<Short> {
        private static final long serialVersionUID = 1L;
        public static final ShortSerializer INSTANCE = new ShortSerializer();

        @Override
        public void serialize(Short value, DataOutputView out) throws IOException {
            out.writeShort(value);
        }

        @Override
        public Short deserialize(DataInputView in) throws IOException {
            return in.readShort();
        }
    }

    /** Serializes {@link Byte} as 1 byte. */
    public static final class ByteSerializer extends TypeSerializer<Byte> {
        private static final long serialVersionUID = 1L;
        public static final ByteSerializer INSTANCE = new ByteSerializer();

        @Override
        public void serialize(Byte value, DataOutputView out) throws IOException {
            out.writeByte(value);
        }

        @Override
        public Byte deserialize(DataInputView in) throws IOException {
            return in.readByte();
        }
    }

    /** Serializes {@link Boolean} as 1 byte. */
    public static final class BooleanSerializer extends TypeSerializer<Boolean> {
        private static final long serialVersionUID = 1L;
        public static final BooleanSerializer INSTANCE = new BooleanSerializer();

        @Override
        public void serialize(Boolean value, DataOutputView out) throws IOException {
            out.writeBoolean(value);
        }

        @Override
        public Boolean deserialize(DataInputView in) throws IOException {
            return in.readBoolean();
        }
    }

    /** Serializes {@link Character} as 2 bytes. */
    public static final class CharSerializer extends TypeSerializer<Character> {
        private static final long serialVersionUID = 1L;
        public static final CharSerializer INSTANCE = new CharSerializer();

        @Override
        public void serialize(Character value, DataOutputView out) throws IOException {
            out.writeChar(value);
        }

        @Override
        public Character deserialize(DataInputView in) throws IOException {
            return in.readChar();
        }
    }

    /** Serializes {@code byte[]} (null allowed) as a varint of length + 1 (0 for null) and the bytes. */
    public static final class BytesSerializer extends TypeSerializer<byte[]> {
        private static final long serialVersionUID = 1L;
        public static final BytesSerializer INSTANCE = new BytesSerializer();

        @Override
        public void serialize(byte[] value, DataOutputView out) throws IOException {
            if (value == null) {
                out.writeVarInt(0);
                return;
            }
            out.writeVarInt(value.length + 1);
            out.write(value);
        }

        @Override
        public byte[] deserialize(DataInputView in) throws IOException {
            int len = in.readVarInt();
            if (len == 0) {
                return null;
            }
            byte[] bytes = new byte[len - 1];
            in.readFully(bytes);
            return bytes;
        }
    }
}
