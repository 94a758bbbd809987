package io.runnel.api.windowing.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Window serializers read back what they wrote, consume exactly their own bytes, and reject corrupt input. */
class WindowSerializersTest {

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value, int expectedBytes) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(4);
        serializer.serialize(value, out);
        assertEquals(expectedBytes, out.toByteArray().length);
        out.writeInt(0x5EA1ED);
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        T back = serializer.deserialize(in);
        assertEquals(0x5EA1ED, in.readInt(), "the serializer read exactly its own bytes");
        return back;
    }

    @Test
    void timeWindowRoundTrips() throws IOException {
        for (TimeWindow w : new TimeWindow[] {new TimeWindow(0, 1), new TimeWindow(-3_600_000, 7),
                new TimeWindow(Long.MIN_VALUE, Long.MAX_VALUE)}) {
            assertEquals(w, roundTrip(TimeWindow.Serializer.INSTANCE, w, 16));
        }
    }

    @Test
    void timeWindowRejectsCorruptBytes() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeLong(10);
        out.writeLong(10);
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        assertThrows(IOException.class, () -> TimeWindow.Serializer.INSTANCE.deserialize(in));
    }

    @Test
    void globalWindowRoundTripsAsOneByte() throws IOException {
        assertSame(GlobalWindow.get(), roundTrip(GlobalWindow.Serializer.INSTANCE, GlobalWindow.get(), 1));
        assertEquals(Long.MAX_VALUE, GlobalWindow.get().maxTimestamp());
    }

    @Test
    void globalWindowRejectsCorruptBytes() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {7});
        assertThrows(IOException.class, () -> GlobalWindow.Serializer.INSTANCE.deserialize(in));
    }

    @Test
    void serializersSurviveJavaSerializationAsTheirSingleton() throws Exception {
        assertSame(TimeWindow.Serializer.INSTANCE, javaRoundTrip(TimeWindow.Serializer.INSTANCE));
        assertSame(GlobalWindow.Serializer.INSTANCE, javaRoundTrip(GlobalWindow.Serializer.INSTANCE));
    }

    private static Object javaRoundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
