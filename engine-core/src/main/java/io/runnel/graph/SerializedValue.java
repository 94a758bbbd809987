package io.runnel.graph;

import io.runnel.annotation.Internal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * A Java-serialized object, deserialized with a given class loader. User functions travel in this form, so that
 * every subtask works on its own copy and the job graph can cross process boundaries.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <T> the type of the serialized object
 */
@Internal
public final class SerializedValue<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private final String description;

    private SerializedValue(byte[] bytes, String description) {
        this.bytes = bytes;
        this.description = description;
    }

    /**
     * @param value the object to serialize
     * @param description what it is, for the error message, e.g. {@code "the MapFunction of operator 'Map'"}
     * @throws IllegalArgumentException if the object or something it references is not serializable
     */
    public static <T> SerializedValue<T> of(T value, String description) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bos)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(description + " is not serializable: it references an instance of "
                    + e.getMessage() + ". Functions are shipped to each parallel subtask; make the referenced "
                    + "class Serializable or create it in open().", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(description + " could not be serialized: " + e, e);
        }
        return new SerializedValue<>(bos.toByteArray(), description);
    }

    /**
     * @return a new copy of the value, its classes resolved through {@code classLoader}
     * @throws IllegalStateException if a class is missing or the bytes do not deserialize
     */
    @SuppressWarnings("unchecked")
    public T deserialize(ClassLoader classLoader) {
        try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot deserialize " + description + ": " + e, e);
        }
    }

    /**
     * @param bytes a serialized form from {@link #bytes()} (not copied: do not change it afterwards)
     * @param description what it is, for error messages
     * @return the value of those bytes
     */
    public static <T> SerializedValue<T> fromBytes(byte[] bytes, String description) {
        return new SerializedValue<>(bytes, description);
    }

    /** @return a copy of the serialized form */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the size of the serialized form in bytes */
    public int sizeBytes() {
        return bytes.length;
    }

    private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader classLoader;

        ClassLoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
            super(in);
            this.classLoader = classLoader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, classLoader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
