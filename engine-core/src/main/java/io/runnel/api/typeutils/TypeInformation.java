package io.runnel.api.typeutils;

import io.runnel.annotation.Public;
import java.io.Serializable;
import java.util.Objects;

/**
 * The type of the values of a stream, from which the engine derives their serializer.
 *
 * <p>Runnel derives it from the function that produces a stream (see {@link TypeExtractor}); when Java's erasure
 * hides the type, the stream is {@link #generic()} and its values carry a type tag (Kryo for classes without a
 * hand-written serializer). {@code returns(Class)} on a stream states the type and avoids the tag.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <T> the type described
 */
@Public
public final class TypeInformation<T> implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final TypeInformation<Object> GENERIC = new TypeInformation<>(Object.class);

    private final Class<T> typeClass;

    private TypeInformation(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    }

    /** @return the type information for values of exactly {@code typeClass} (or subclasses, for non-final ones) */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        return typeClass == Object.class ? (TypeInformation<T>) GENERIC : new TypeInformation<>(typeClass);
    }

    /** @return the type information of a stream whose type is not known statically */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> generic() {
        return (TypeInformation<T>) GENERIC;
    }

    public Class<T> getTypeClass() {
        return typeClass;
    }

    /** @return true when the type is not known statically and values are tagged with their class */
    public boolean isGeneric() {
        return typeClass == Object.class;
    }

    /** @return a new serializer for the type (see {@link Serializers#forClass(Class)}) */
    public TypeSerializer<T> createSerializer() {
        return Serializers.forClass(typeClass);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeInformation<?> other && other.typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.hashCode();
    }

    @Override
    public String toString() {
        return isGeneric() ? "GenericType" : typeClass.getName();
    }
}
