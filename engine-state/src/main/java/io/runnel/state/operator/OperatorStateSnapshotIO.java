package io.runnel.state.operator;

import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.graph.SerializedValue;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the operator state of one parallel instance. The format is self-contained, since each list
 * carries its serializer:
 *
 * <pre>
 *   int   magic 0x4F505354 ("OPST")
 *   int   format version (1)
 *   int   number of lists
 *   per list:
 *     UTF   name
 *     byte  mode (0 split-distribute, 1 union, 2 broadcast)
 *     int   length, then the serializer in Java serialization
 *     int   number of elements
 *     per element: int length, then the element in the serializer's format
 * </pre>
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
public final class OperatorStateSnapshotIO {

    private static final int MAGIC = 0x4F505354;
    private static final int VERSION = 1;

    private OperatorStateSnapshotIO() {
    }

    /**
     * Serializes a snapshot. Call it on the thread that owns the state (the elements are shared with it).
     *
     * @return the bytes
     * @throws IOException if an element cannot be serialized
     * @throws IllegalArgumentException if a list has no serializer
     */
    public static byte[] write(OperatorStateSnapshot snapshot) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(snapshot.states().size());
        DataOutputSerializer element = new DataOutputSerializer(64);
        for (Map.Entry<String, OperatorStateSnapshot.NamedList> e : snapshot.states().entrySet()) {
            OperatorStateSnapshot.NamedList list = e.getValue();
            if (list.serializer() == null) {
                throw new IllegalArgumentException("operator state '" + e.getKey() + "' has no serializer");
            }
            out.writeUTF(e.getKey());
            out.writeByte(list.mode().ordinal());
            byte[] serializer = SerializedValue.of(list.serializer(), "the serializer of operator state '"
                    + e.getKey() + "'").bytes();
            out.writeInt(serializer.length);
            out.write(serializer);
            out.writeInt(list.elements().size());
            for (Object o : list.elements()) {
                element.clear();
                list.serializer().serialize(o, element);
                out.writeInt(element.length());
                out.write(element.getBuffer(), 0, element.length());
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * Reads a snapshot written by {@link #write}.
     *
     * @param in the bytes, closed by the caller
     * @param classLoader the job's class loader (serializers of user types)
     * @param source names the stream in errors (a file path)
     * @return the snapshot
     * @throws IOException naming {@code source} if the bytes are not an operator state snapshot of a known version
     */
    @SuppressWarnings("unchecked")
    public static OperatorStateSnapshot read(InputStream in, ClassLoader classLoader, String source)
            throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            int magic = data.readInt();
            if (magic != MAGIC) {
                throw new IOException("Operator state " + source + " is corrupt: bad magic number 0x"
                        + Integer.toHexString(magic));
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IOException("Operator state " + source + " has format version " + version
                        + "; this Runnel reads version " + VERSION);
            }
            int count = data.readInt();
            Map<String, OperatorStateSnapshot.NamedList> states = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = data.readUTF();
                OperatorStateSnapshot.Mode mode = OperatorStateSnapshot.Mode.values()[data.readByte()];
                byte[] serializerBytes = data.readNBytes(data.readInt());
                TypeSerializer<Object> serializer = SerializedValue.<TypeSerializer<Object>>fromBytes(serializerBytes,
                        "the serializer of operator state '" + name + "' in " + source).deserialize(classLoader);
                int elements = data.readInt();
                List<Object> list = new ArrayList<>(elements);
                for (int k = 0; k < elements; k++) {
                    byte[] element = data.readNBytes(data.readInt());
                    list.add(serializer.deserialize(new DataInputDeserializer(element)));
                }
                states.put(name, new OperatorStateSnapshot.NamedList(mode, list, serializer));
            }
            return new OperatorStateSnapshot(states);
        } catch (EOFException | ArrayIndexOutOfBoundsException | IllegalStateException e) {
            throw new IOException("Operator state " + source + " is corrupt or truncated: " + e, e);
        }
    }
}
