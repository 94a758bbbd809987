package io.runnel.api.typeutils;

import io.runnel.annotation.Internal;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Chooses the serializer for a class: hand-written ones for primitives, boxes, {@code String}, {@code byte[]},
 * enums and records; {@link PolymorphicSerializer} for {@code Object}, interfaces, abstract and other non-final
 * classes (a value may be of a subclass); Kryo for the remaining final classes.
 *
 * <p><b>Threading:</b> stateless; the returned serializers follow {@link TypeSerializer}'s rule.
 */
@Internal
public final class Serializers {

    private static final Map<Class<?>, TypeSerializer<?>> BASIC = Map.ofEntries(
            Map.entry(Long.class, BasicSerializers.LongSerializer.INSTANCE),
            Map.entry(long.class, BasicSerializers.LongSerializer.INSTANCE),
            Map.entry(Integer.class, BasicSerializers.IntSerializer.INSTANCE),
            Map.entry(int.class, BasicSerializers.IntSerializer.INSTANCE),
            Map.entry(Double.class, BasicSerializers.DoubleSerializer.INSTANCE),
            Map.entry(double.class, BasicSerializers.DoubleSerializer.INSTANCE),
            Map.entry(Float.class, BasicSerializers.FloatSerializer.INSTANCE),
            Map.entry(float.class, BasicSerializers.FloatSerializer.INSTANCE),
            Map.entry(Short.class, BasicSerializers.ShortSerializer.INSTANCE),
            Map.entry(short.class, BasicSerializers.ShortSerializer.INSTANCE),
            Map.entry(Byte.class, BasicSerializers.ByteSerializer.INSTANCE),
            Map.entry(byte.class, BasicSerializers.ByteSerializer.INSTANCE),
            Map.entry(Boolean.class, BasicSerializers.BooleanSerializer.INSTANCE),
            Map.entry(boolean.class, BasicSerializers.BooleanSerializer.INSTANCE),
            Map.entry(Character.class, BasicSerializers.CharSerializer.INSTANCE),
            Map.entry(char.class, BasicSerializers.CharSerializer.INSTANCE),
            Map.entry(String.class, StringSerializer.INSTANCE),
            Map.entry(byte[].class, BasicSerializers.BytesSerializer.INSTANCE));

    private Serializers() {
    }

    /**
     * @param type the static type of the values
     * @return a new serializer for values of {@code type}; boxed types reject null
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> TypeSerializer<T> forClass(Class<T> type) {
        TypeSerializer<?> basic = BASIC.get(type);
        if (basic != null) {
            return (TypeSerializer<T>) basic;
        }
        if (type.isEnum()) {
            return new EnumSerializer(type);
        }
        if (type.isRecord()) {
            return new RecordSerializer<>(type);
        }
        boolean isFinal = Modifier.isFinal(type.getModifiers()) && !type.isInterface();
        if (!isFinal || type == Object.class) {
            return (TypeSerializer<T>) new PolymorphicSerializer();
        }
        return new KryoSerializer<>(type);
    }

    /**
     * @return the serializer for a record component or other nullable field of the given declared type: like
     *     {@link #forClass(Class)}, with a null flag around the boxed types (primitive fields are never null)
     */
    public static <T> TypeSerializer<T> forComponent(Class<T> type) {
        TypeSerializer<T> s = forClass(type);
        if (!type.isPrimitive() && BASIC.containsKey(type) && type != String.class && type != byte[].class) {
            return new NullableSerializer<>(s);
        }
        return s;
    }
}
