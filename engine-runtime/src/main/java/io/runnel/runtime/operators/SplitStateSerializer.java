package io.runnel.runtime.operators;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.graph.SerializedValue;
import java.io.IOException;

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
        byte[] bytes = SerializedValue.of(value, "source split " + value).bytes();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public Object deserialize(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        try {
            return SerializedValue.fromBytes(bytes, "a source split").deserialize(
                    Thread.currentThread().getContextClassLoader());
        } catch (IllegalStateException e) {
            throw new IOException("cannot restore " + e.getMessage(), e);
        }
    }
}
