package io.runnel.api.typeutils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RecordSerializer} through {@link RecordHandles}: round trips, the byte format, and errors. */
class RecordHandlesTest {

    public record Bid(long auction, int price, String bidder, double weight) {
    }

    public record AllPrimitives(int i, long l, double d, float f, boolean z, short s, byte b, char c) {
    }

    public record Wide(int a, int b, int c, int d, int e, int f, int g, int h, int i) {
    }

    public record Boxed(Integer count, Long total, String name, List<String> tags) {
    }

    public record Nested(Bid bid, Boxed boxed, int n) {
    }

    public record Empty() {
    }

    public record Positive(int value) {
        public Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive, got " + value);
            }
        }
    }

    @Test
    void recordsOfEveryComponentKindRoundTrip() throws Exception {
        Bid bid = new Bid(7L, 42, "x", 0.5);
        assertEquals(bid, SerializersTest.roundTrip(new RecordSerializer<>(Bid.class), bid));
        AllPrimitives all = new AllPrimitives(-3, Long.MIN_VALUE, Math.PI, 1.5f, true, (short) -7, (byte) 200, 'é');
        assertEquals(all, SerializersTest.roundTrip(new RecordSerializer<>(AllPrimitives.class), all));
        Wide wide = new Wide(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(wide, SerializersTest.roundTrip(new RecordSerializer<>(Wide.class), wide));
        Boxed boxed = new Boxed(null, 12L, null, List.of("a", "b"));
        assertEquals(boxed, SerializersTest.roundTrip(new RecordSerializer<>(Boxed.class), boxed));
        Nested nested = new Nested(null, boxed, 3);
        assertEquals(nested, SerializersTest.roundTrip(new RecordSerializer<>(Nested.class), nested));
        assertEquals(new Empty(), SerializersTest.roundTrip(new RecordSerializer<>(Empty.class), new Empty()));
        assertNull(SerializersTest.roundTrip(new RecordSerializer<>(Bid.class), null));
    }

    /** The format is the null flag, then each component as its own serializer writes it, in declaration order. */
    @Test
    void bytesAreTheComponentSerializersBytesInDeclarationOrder() throws Exception {
        Bid bid = new Bid(-9L, 1234, "bidder", 2.25);
        DataOutputSerializer viaRecord = new DataOutputSerializer(16);
        new RecordSerializer<>(Bid.class).serialize(bid, viaRecord);
        DataOutputSerializer viaComponents = new DataOutputSerializer(16);
        viaComponents.writeBoolean(true);
        Serializers.forComponent(long.class).serialize(bid.auction(), viaComponents);
        Serializers.forComponent(int.class).serialize(bid.price(), viaComponents);
        Serializers.forComponent(String.class).serialize(bid.bidder(), viaComponents);
        Serializers.forComponent(double.class).serialize(bid.weight(), viaComponents);
        assertArrayEquals(viaComponents.toByteArray(), viaRecord.toByteArray());
    }

    @Test
    void aConstructorThatRejectsTheBytesFailsNamingTheRecord() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeBoolean(true);
        out.writeInt(-1);
        IOException e = assertThrows(IOException.class, () -> new RecordSerializer<>(Positive.class)
                .deserialize(new DataInputDeserializer(out.toByteArray())));
        assertTrue(e.getMessage().contains(Positive.class.getName()), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalArgumentException, String.valueOf(e.getCause()));
    }

    @Test
    void truncatedBytesFailWithEndOfInput() {
        byte[] truncated = {1, 0, 0};
        assertThrows(java.io.EOFException.class, () -> new RecordSerializer<>(Bid.class)
                .deserialize(new DataInputDeserializer(truncated)));
    }
}
