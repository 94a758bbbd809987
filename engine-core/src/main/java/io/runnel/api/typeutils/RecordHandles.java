package io.runnel.api.typeutils;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * The body of {@link RecordSerializer} for one record class, as two method handles composed once: a writer
 * {@code (Object record, DataOutputView out) -> void} that writes the components in declaration order, and a
 * reader {@code (DataInputView in) -> Object} that reads them in the same order and calls the canonical
 * constructor. A primitive component whose serializer is the plain one of {@link BasicSerializers} is read and
 * written with the view's own {@code readInt}/{@code writeInt} (and so on), so nothing is boxed; any other
 * component goes through its serializer.
 *
 * <p><b>Why handles:</b> a loop over per-component accessor lambdas and serializers makes every call site
 * megamorphic (each record type and component brings its own lambda) and boxes every primitive twice per record.
 * A composed handle invoked many times is customized by the JVM into code of its own in which the accessors,
 * serializers and constructor are constants, so the JIT inlines them (as for the {@code invokedynamic} code that
 * {@code javac} emits for records' own {@code equals}/{@code hashCode}).
 *
 * <p><b>Order of evaluation:</b> the writer chains the components with {@link MethodHandles#foldArguments}, which
 * runs its combiner first; the reader nests one {@link MethodHandles#collectArguments} per component, each of
 * which reads its component before it calls the handle that reads the next one.
 *
 * <p><b>Threading:</b> immutable; the handles are thread-safe if the component serializers they are bound to are
 * (the owning {@link RecordSerializer} is confined to one thread, and its duplicates build their own).
 */
final class RecordHandles {

    private static final MethodType WRITER_TYPE = MethodType.methodType(void.class, Object.class,
            DataOutputView.class);
    private static final MethodType READER_TYPE = MethodType.methodType(Object.class, DataInputView.class);

    /** Primitive type to the (DataOutput method, DataInput method, plain serializer) that handle it. */
    private static final Map<Class<?>, Primitive> PRIMITIVES = Map.of(
            int.class, new Primitive("writeInt", int.class, "readInt", BasicSerializers.IntSerializer.INSTANCE),
            long.class, new Primitive("writeLong", long.class, "readLong", BasicSerializers.LongSerializer.INSTANCE),
            double.class, new Primitive("writeDouble", double.class, "readDouble",
                    BasicSerializers.DoubleSerializer.INSTANCE),
            float.class, new Primitive("writeFloat", float.class, "readFloat",
                    BasicSerializers.FloatSerializer.INSTANCE),
            boolean.class, new Primitive("writeBoolean", boolean.class, "readBoolean",
                    BasicSerializers.BooleanSerializer.INSTANCE),
            short.class, new Primitive("writeShort", int.class, "readShort",
                    BasicSerializers.ShortSerializer.INSTANCE),
            byte.class, new Primitive("writeByte", int.class, "readByte", BasicSerializers.ByteSerializer.INSTANCE),
            char.class, new Primitive("writeChar", int.class, "readChar", BasicSerializers.CharSerializer.INSTANCE));

    private record Primitive(String write, Class<?> writeParameter, String read, TypeSerializer<?> serializer) {
    }

    /** {@code (Object record, DataOutputView out) -> void}. */
    final MethodHandle writer;
    /** {@code (DataInputView in) -> Object}. */
    final MethodHandle reader;

    /**
     * @param recordClass a record class whose members a private lookup may access (classpath and open modules)
     * @param fieldSerializers the serializer of each component, in declaration order
     * @throws ReflectiveOperationException if an accessor or the canonical constructor cannot be looked up
     */
    RecordHandles(Class<?> recordClass, TypeSerializer<Object>[] fieldSerializers)
            throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(recordClass, MethodHandles.lookup());
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        MethodHandle write = MethodHandles.empty(WRITER_TYPE);
        for (int i = components.length - 1; i >= 0; i--) {
            types[i] = components[i].getType();
            MethodHandle getter = lookup.unreflect(components[i].getAccessor());
            getter = getter.asType(getter.type().changeParameterType(0, Object.class));
            // (DataOutputView, T) -> void, then (DataOutputView, Object record) -> void
            MethodHandle one = MethodHandles.filterArguments(componentWriter(types[i], fieldSerializers[i]), 1,
                    getter);
            one = MethodHandles.permuteArguments(one, WRITER_TYPE, 1, 0);
            write = MethodHandles.foldArguments(write, one);
        }
        this.writer = write;
        MethodHandle read = MethodHandles.dropArguments(
                lookup.findConstructor(recordClass, MethodType.methodType(void.class, types)), 0,
                DataInputView.class);
        for (int i = components.length - 1; i >= 0; i--) {
            // read: (in, t0 .. ti) -> R; reading ti from a second view argument, then merging it into the first.
            read = MethodHandles.collectArguments(read, i + 1, componentReader(types[i], fieldSerializers[i]));
            int[] reorder = new int[i + 2];
            for (int j = 0; j <= i; j++) {
                reorder[j] = j;
            }
            read = MethodHandles.permuteArguments(read, read.type().dropParameterTypes(i + 1, i + 2), reorder);
        }
        this.reader = read.asType(READER_TYPE);
    }

    /** @return {@code (DataOutputView, T) -> void} for a component of type {@code type} */
    private static MethodHandle componentWriter(Class<?> type, TypeSerializer<Object> serializer)
            throws ReflectiveOperationException {
        Primitive p = PRIMITIVES.get(type);
        if (p != null && p.serializer() == serializer) {
            MethodHandle direct = MethodHandles.lookup().findVirtual(DataOutputView.class, p.write(),
                    MethodType.methodType(void.class, p.writeParameter()));
            return direct.asType(MethodType.methodType(void.class, DataOutputView.class, type));
        }
        MethodHandle generic = MethodHandles.lookup().findVirtual(TypeSerializer.class, "serialize",
                MethodType.methodType(void.class, Object.class, DataOutputView.class)).bindTo(serializer);
        generic = MethodHandles.permuteArguments(generic,
                MethodType.methodType(void.class, DataOutputView.class, Object.class), 1, 0);
        return generic.asType(MethodType.methodType(void.class, DataOutputView.class, type));
    }

    /** @return {@code (DataInputView) -> T} for a component of type {@code type} */
    private static MethodHandle componentReader(Class<?> type, TypeSerializer<Object> serializer)
            throws ReflectiveOperationException {
        Primitive p = PRIMITIVES.get(type);
        if (p != null && p.serializer() == serializer) {
            return MethodHandles.lookup().findVirtual(DataInputView.class, p.read(),
                    MethodType.methodType(type));
        }
        MethodHandle generic = MethodHandles.lookup().findVirtual(TypeSerializer.class, "deserialize",
                MethodType.methodType(Object.class, DataInputView.class)).bindTo(serializer);
        return generic.asType(MethodType.methodType(type, DataInputView.class));
    }
}
