package io.runnel.runtime.operators;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Writes source splits (which are {@link java.io.Serializable} by contract) into a source's operator state with
 * Java serialization, length-prefixed. Classes resolve through the task thread's context class loader (the
 * job's), so splits of user sources restore too.
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
final class SplitStateSerializer extends TypeSerializer<Object> {

    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Object value, DataOutputView out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(value);
        }
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    @Override
    public Object deserialize(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (ObjectInputStream o = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return o.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot restore a source split: class " + e.getMessage() + " not found", e);
        }
    }
}
