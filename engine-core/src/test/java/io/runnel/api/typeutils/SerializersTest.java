package io.runnel.api.typeutils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runnel.api.common.Tuple2;
import io.runnel.api.common.Tuple3;
import java.io.EOFException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every serializer reads back exactly what it wrote, and consumes exactly its own bytes. */
class SerializersTest {

    enum Color { RED, GREEN }

    record Flight(String origin, int delay, long distance, Double score, Color color, Tuple2<String, Long> pair) {
    }

    /** A final class without a hand-written serializer: goes through Kryo. */
    static final class Legacy {
        int x;
        String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Legacy l && l.x == x && java.util.Objects.equals(l.name, name);
        }

        @Override
        public int hashCode() {
            return x;
        }
    }

    /** @return {@code value} written and read back, checking that the reader consumed exactly the writer's bytes */
    static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(8);
        serializer.serialize(value, out);
        out.writeInt(0x5EA1ED);
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        T back = serializer.deserialize(in);
        assertEquals(0x5EA1ED, in.readInt(), "the serializer read exactly its own bytes");
        return back;
    }

    @Test
    void basicTypesRoundTrip() throws Exception {
        assertEquals(Long.MIN_VALUE, roundTrip(Serializers.forClass(Long.class), Long.MIN_VALUE));
        assertEquals(-7, roundTrip(Serializers.forClass(int.class), -7));
        assertEquals(3.25, roundTrip(Serializers.forClass(Double.class), 3.25));
        assertEquals(true, roundTrip(Serializers.forClass(Boolean.class), true));
        assertEquals('\u20ac', roundTrip(Serializers.forClass(Character.class), '\u20ac'));
        String unicode = "ascii, \u00e9t\u00e9, \u20ac, \ud83d\ude00 and \u0000";
        assertEquals(unicode, roundTrip(Serializers.forClass(String.class), unicode));
        assertEquals(null, roundTrip(Serializers.forClass(String.class), null));
        assertArrayEquals(new byte[] {1, -2, 3}, roundTrip(Serializers.forClass(byte[].class), new byte[] {1, -2, 3}));
        assertEquals(Color.GREEN, roundTrip(Serializers.forClass(Color.class), Color.GREEN));
    }

    @Test
    void recordsWithConcreteGenericAndNullComponentsRoundTrip() throws Exception {
        TypeSerializer<Flight> s = Serializers.forClass(Flight.class);
        assertInstanceOf(RecordSerializer.class, s);
        Flight f = new Flight("SFO", -3, 2_451L, null, Color.RED, Tuple2.of("k", 5L));
        assertEquals(f, roundTrip(s, f));
        Flight nulls = new Flight(null, 0, 0, 1.5, null, null);
        assertEquals(nulls, roundTrip(s.duplicate(), nulls));
        Tuple3<String, Integer, List<String>> t = Tuple3.of("a", 1, List.of("x", "y"));
        assertEquals(t, roundTrip(Serializers.forClass(Tuple3.class), t));
    }

    @Test
    void genericValuesCarryTheirType() throws Exception {
        TypeSerializer<Object> s = TypeInformation.generic().createSerializer();
        Map<String, Integer> map = new HashMap<>(Map.of("a", 1, "b", 2));
        Legacy legacy = new Legacy();
        legacy.x = 42;
        legacy.name = "old";
        List<Object> values = new ArrayList<>(List.of(1L, 2, "three", 4.0, false, Tuple2.of("k", 9L), map, legacy,
                LocalDate.of(2001, 1, 1), new ArrayList<>(List.of(1, 2))));
        values.add(null);
        for (Object v : values) {
            assertEquals(v, roundTrip(s, v), "value " + v);
        }
        assertEquals(legacy, roundTrip(Serializers.forClass(Legacy.class), legacy));
    }

    record Node(int value, Node next) {
    }

    @Test
    void recursiveRecordTypesRoundTrip() throws Exception {
        Node list = new Node(1, new Node(2, new Node(3, null)));
        assertEquals(list, roundTrip(Serializers.forClass(Node.class), list));
    }

    @Test
    void truncatedInputFailsWithEofNotGarbage() {
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {0, 0, 1});
        assertThrows(EOFException.class, () -> Serializers.forClass(Long.class).deserialize(in));
    }
}
