package io.runnel.api.typeutils;

import io.runnel.annotation.Internal;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.RecordComponent;

/**
 * Serializes a Java {@code record} component by component, in declaration order, with a leading null flag for
 * the record itself. Each component uses the serializer of its declared type ({@link Serializers#forComponent}),
 * so a generic component costs a type tag and a concrete one does not.
 *
 * <p><b>Threading:</b> component serializers may hold state; {@link #duplicate()} gives an independent copy.
 *
 * @param <T> the record type
 */
@Internal
public final class RecordSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    /** Built on first use from this instance's component serializers (not serialized with the job). */
    private transient RecordHandles handles;

    /** Records whose serializers are being built on this thread, to break cycles of recursive record types. */
    private static final ThreadLocal<java.util.Set<Class<?>>> UNDER_CONSTRUCTION =
            ThreadLocal.withInitial(java.util.HashSet::new);

    /**
     * Creates the serializer, building component serializers for the declared component types. A component whose
     * type is a record already being built (a recursive type such as {@code record Node(int v, Node next)}) gets
     * the {@link PolymorphicSerializer}, which builds record serializers lazily, per value.
     */
    @SuppressWarnings("unchecked")
    public RecordSerializer(Class<T> recordClass) {
        if (!recordClass.isRecord()) {
            throw new IllegalArgumentException(recordClass.getName() + " is not a record");
        }
        this.recordClass = recordClass;
        RecordComponent[] components = recordClass.getRecordComponents();
        this.fieldSerializers = new TypeSerializer[components.length];
        java.util.Set<Class<?>> building = UNDER_CONSTRUCTION.get();
        building.add(recordClass);
        try {
            for (int i = 0; i < components.length; i++) {
                Class<?> type = components[i].getType();
                fieldSerializers[i] = building.contains(type)
                        ? (TypeSerializer<Object>) (TypeSerializer<?>) new PolymorphicSerializer()
                        : (TypeSerializer<Object>) Serializers.forComponent(type);
            }
        } finally {
            building.remove(recordClass);
        }
    }

    private RecordSerializer(Class<T> recordClass, TypeSerializer<Object>[] fieldSerializers) {
        this.recordClass = recordClass;
        this.fieldSerializers = fieldSerializers;
    }

    private RecordHandles handles() {
        RecordHandles h = handles;
        if (h == null) {
            try {
                h = new RecordHandles(recordClass, fieldSerializers);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("Cannot access the components of record " + recordClass.getName()
                        + "; is it public or in an open package?", e);
            }
            handles = h;
        }
        return h;
    }

    @Override
    public void serialize(T value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeBoolean(false);
            return;
        }
        out.writeBoolean(true);
        MethodHandle writer = handles().writer;
        try {
            writer.invokeExact((Object) value, out);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("Serializing record " + recordClass.getName() + " failed", t);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        MethodHandle reader = handles().reader;
        try {
            return (T) (Object) reader.invokeExact(in);
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            // The canonical constructor threw: a compact constructor that validates its components.
            throw new IOException("Constructing record " + recordClass.getName() + " failed", t);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> duplicate() {
        TypeSerializer<Object>[] copies = new TypeSerializer[fieldSerializers.length];
        boolean changed = false;
        for (int i = 0; i < copies.length; i++) {
            copies[i] = fieldSerializers[i].duplicate();
            changed |= copies[i] != fieldSerializers[i];
        }
        return changed ? new RecordSerializer<>(recordClass, copies) : this;
    }
}
