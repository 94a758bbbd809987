package io.runnel.api.typeutils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Writing into a wrapped array gives the same bytes as writing into the serializer's own array, whether it fits
 * or spills part way, and a spill leaves the wrapped array's bytes outside the written range alone.
 */
class DataOutputSerializerTest {

    /** Writes a mix of every kind of field, with lengths drawn from {@code random}. */
    private static void writeMix(DataOutputSerializer out, SplittableRandom random) throws IOException {
        for (int i = 0; i < 1 + random.nextInt(12); i++) {
            switch (random.nextInt(8)) {
                case 0 -> out.writeInt(random.nextInt());
                case 1 -> out.writeLong(random.nextLong());
                case 2 -> out.writeVarInt(random.nextInt(Integer.MAX_VALUE));
                case 3 -> out.writeShort(random.nextInt());
                case 4 -> out.write(random.nextInt(256));
                case 5 -> out.writeUTF("é" + "x".repeat(random.nextInt(40)) + "ü");
                case 6 -> {
                    byte[] bytes = new byte[random.nextInt(50)];
                    random.nextBytes(bytes);
                    out.write(bytes);
                }
                default -> out.writeDouble(random.nextDouble());
            }
        }
    }

    @Test
    void wrappedWritesEqualOwnWritesWhetherTheyFitOrSpill() throws IOException {
        int spills = 0;
        for (long seed = 0; seed < 500; seed++) {
            DataOutputSerializer reference = new DataOutputSerializer(16);
            writeMix(reference, new SplittableRandom(seed));
            byte[] expected = Arrays.copyOf(reference.getBuffer(), reference.length());

            SplittableRandom sizes = new SplittableRandom(seed + 1_000);
            byte[] target = new byte[1 + sizes.nextInt(200)];
            Arrays.fill(target, (byte) 7);
            int start = sizes.nextInt(target.length);
            int end = start + sizes.nextInt(target.length - start + 1);
            DataOutputSerializer out = new DataOutputSerializer(16);
            out.wrap(target, start, end);
            writeMix(out, new SplittableRandom(seed));
            byte[] written;
            if (out.writesInPlace()) {
                written = Arrays.copyOfRange(target, start, out.length());
            } else {
                spills++;
                written = Arrays.copyOf(out.getBuffer(), out.length());
            }
            assertArrayEquals(expected, written, "seed " + seed);
            for (int i = 0; i < target.length; i++) {
                if (i < start || i >= end) {
                    assertEquals(7, target[i], "seed " + seed + ": byte " + i + " outside the range was written");
                }
            }
            out.clear();
            assertFalse(out.writesInPlace());
            out.writeInt(42);
            assertEquals(4, out.length());
        }
        assertTrue(spills > 100 && spills < 450, "both paths are exercised: " + spills + " spills of 500");
    }

    @Test
    void aRangeOutsideTheArrayIsRejected() {
        DataOutputSerializer out = new DataOutputSerializer(16);
        assertThrows(IllegalArgumentException.class, () -> out.wrap(new byte[8], 4, 9));
        assertThrows(IllegalArgumentException.class, () -> out.wrap(new byte[8], 5, 4));
    }
}
