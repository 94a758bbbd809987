package io.runnel.api.typeutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RecordAccessTest {

    public record Bid(long auction, int price, String bidder, double weight) {
    }

    public record Wide(int a, int b, int c, int d, int e, int f, int g) {
    }

    @Test
    void recordsUpToSixComponentsGetGeneratedLambdas() throws Throwable {
        RecordAccess access = new RecordAccess(Bid.class);
        assertTrue(access.generated, "accessors and constructor are generated lambdas");
        Bid bid = new Bid(7L, 42, "x", 0.5);
        assertEquals(7L, access.accessors[0].apply(bid));
        assertEquals(42, access.accessors[1].apply(bid));
        assertEquals(bid, access.constructor.create(new Object[] {7L, 42, "x", 0.5}));
    }

    @Test
    void widerRecordsFallBackAndStillRoundTrip() throws IOException, ReflectiveOperationException {
        assertEquals(false, new RecordAccess(Wide.class).generated);
        RecordSerializer<Wide> serializer = new RecordSerializer<>(Wide.class);
        DataOutputSerializer out = new DataOutputSerializer(64);
        Wide wide = new Wide(1, 2, 3, 4, 5, 6, 7);
        serializer.serialize(wide, out);
        assertEquals(wide, serializer.deserialize(new DataInputDeserializer(out.toByteArray())));
    }
}
