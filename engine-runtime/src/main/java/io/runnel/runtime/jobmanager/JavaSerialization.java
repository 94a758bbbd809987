package io.runnel.runtime.jobmanager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization with the job's class loader, for split enumerator checkpoints (which the Source contract
 * requires to be {@link java.io.Serializable}).
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
final class JavaSerialization {

    private JavaSerialization() {
    }

    /** @throws IOException naming the class if the object is not serializable */
    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (NotSerializableException e) {
            throw new IOException("A split enumerator checkpoint must be Serializable: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException if the bytes are not a serialized object of a class the loader knows */
    static Object deserialize(byte[] bytes, ClassLoader classLoader) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, classLoader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("Cannot read a split enumerator checkpoint: class " + e.getMessage()
                    + " not found", e);
        }
    }
}
