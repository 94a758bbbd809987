package io.runnel.api.typeutils;

import io.runnel.annotation.Internal;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Serializes values whose type is not known statically: a one-byte tag names the common types (boxed
 * primitives, {@code String}, {@code byte[]}); records carry their class name and use a {@link RecordSerializer};
 * everything else goes through Kryo with its class name.
 *
 * <p><b>Threading:</b> holds caches and a Kryo instance; each thread uses its own {@link #duplicate()}.
 */
@Internal
public final class PolymorphicSerializer extends TypeSerializer<Object> {

    private static final long serialVersionUID = 1L;

    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte INT = 2;
    private static final byte STRING = 3;
    private static final byte DOUBLE = 4;
    private static final byte BOOLEAN = 5;
    private static final byte BYTES = 6;
    private static final byte RECORD = 7;
    private static final byte KRYO = 8;

    private transient Map<Class<?>, RecordSerializer<Object>> recordsByClass;
    private transient Map<String, RecordSerializer<Object>> recordsByName;
    private transient KryoSerializer<Object> kryo;

    @Override
    public void serialize(Object value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            StringSerializer.INSTANCE.serialize(s, out);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            BasicSerializers.BytesSerializer.INSTANCE.serialize(bytes, out);
        } else if (value.getClass().isRecord()) {
            out.writeByte(RECORD);
            StringSerializer.INSTANCE.serialize(value.getClass().getName(), out);
            recordSerializer(value.getClass()).serialize(value, out);
        } else {
            out.writeByte(KRYO);
            kryo().serialize(value, out);
        }
    }

    @Override
    public Object deserialize(DataInputView in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL: return null;
            case LONG: return in.readLong();
            case INT: return in.readInt();
            case STRING: return StringSerializer.INSTANCE.deserialize(in);
            case DOUBLE: return in.readDouble();
            case BOOLEAN: return in.readBoolean();
            case BYTES: return BasicSerializers.BytesSerializer.INSTANCE.deserialize(in);
            case RECORD: return recordSerializer(StringSerializer.INSTANCE.deserialize(in)).deserialize(in);
            case KRYO: return kryo().deserialize(in);
            default: throw new IOException("unknown type tag " + tag + " in a generically typed stream");
        }
    }

    @SuppressWarnings("unchecked")
    private RecordSerializer<Object> recordSerializer(Class<?> recordClass) {
        if (recordsByClass == null) {
            recordsByClass = new HashMap<>();
        }
        return recordsByClass.computeIfAbsent(recordClass, c -> new RecordSerializer<>((Class<Object>) c));
    }

    private RecordSerializer<Object> recordSerializer(String className) throws IOException {
        if (recordsByName == null) {
            recordsByName = new HashMap<>();
        }
        RecordSerializer<Object> s = recordsByName.get(className);
        if (s != null) {
            return s;
        }
        try {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            Class<?> c = Class.forName(className, false, cl != null ? cl : getClass().getClassLoader());
            s = recordSerializer(c);
            recordsByName.put(className, s);
            return s;
        } catch (ClassNotFoundException e) {
            throw new IOException("record class " + className + " is not on the user class path", e);
        }
    }

    private KryoSerializer<Object> kryo() {
        if (kryo == null) {
            kryo = new KryoSerializer<>(Object.class);
        }
        return kryo;
    }

    @Override
    public TypeSerializer<Object> duplicate() {
        return new PolymorphicSerializer();
    }
}
