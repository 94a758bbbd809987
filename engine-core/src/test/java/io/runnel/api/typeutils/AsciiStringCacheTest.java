package io.runnel.api.typeutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiStringCacheTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void repeatedStringsComeBackAsTheSameInstance() {
        AsciiStringCache cache = new AsciiStringCache();
        byte[] bytes = ascii("xxw123yy");
        String first = cache.read(bytes, 2, 4);
        assertEquals("w123", first);
        assertSame(first, cache.read(ascii("w123"), 0, 4));
        assertEquals("", cache.read(bytes, 0, 0));
    }

    @Test
    void nonAsciiBytesAreRefused() {
        AsciiStringCache cache = new AsciiStringCache();
        byte[] bytes = "aé".getBytes(StandardCharsets.UTF_8);
        assertNull(cache.read(bytes, 0, bytes.length));
    }

    @Test
    void longStringsAreNotCached() {
        AsciiStringCache cache = new AsciiStringCache();
        byte[] bytes = ascii("a".repeat(AsciiStringCache.MAX_LENGTH + 1));
        String first = cache.read(bytes, 0, bytes.length);
        assertEquals(new String(bytes, StandardCharsets.ISO_8859_1), first);
        assertNotSame(first, cache.read(bytes, 0, bytes.length));
    }

    /** Random strings over a tiny alphabet make many hash and slot collisions; every answer must still be right. */
    @Test
    void answersEqualThePlainDecodingUnderCollisions() {
        AsciiStringCache cache = new AsciiStringCache();
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            int length = random.nextInt(6);
            byte[] bytes = new byte[length + 3];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) ('a' + random.nextInt(3));
            }
            assertEquals(new String(bytes, 1, length, StandardCharsets.ISO_8859_1), cache.read(bytes, 1, length));
        }
    }

    /**
     * Strings of up to 8 chars followed by other bytes (as in a network buffer) take the packed path: the bytes
     * after the string, ASCII or not, must not change the answer, and a non-ASCII char inside it must be refused.
     */
    @Test
    void shortStringsInsideABufferIgnoreTheBytesAfterThem() {
        AsciiStringCache cache = new AsciiStringCache();
        byte[] bytes = new byte[24];
        Arrays.fill(bytes, (byte) 0xC3);
        byte[] word = ascii("w12");
        System.arraycopy(word, 0, bytes, 4, word.length);
        String first = cache.read(bytes, 4, 3);
        assertEquals("w12", first);
        bytes[7] = 'x';
        assertSame(first, cache.read(bytes, 4, 3), "the byte after the string is not part of it");
        assertEquals("w12x", cache.read(bytes, 4, 4));
        assertEquals("", cache.read(bytes, 4, 0));
        assertNull(cache.read(bytes, 4, 5), "0xC3 at the fifth char is not ASCII");
    }

    /** Lengths 7 and 8 differ only in the end marker; NUL chars are ASCII and must not look like an empty slot. */
    @Test
    void packedStringsOfNeighbouringLengthsAndNulCharsAreToldApart() {
        AsciiStringCache cache = new AsciiStringCache();
        byte[] bytes = new byte[16];
        assertEquals("\0".repeat(8), cache.read(bytes, 0, 8));
        assertEquals("\0".repeat(7), cache.read(bytes, 0, 7));
        assertEquals("\0".repeat(8), cache.read(bytes, 0, 8));
        byte[] abc = ascii("abcdefgh________");
        assertEquals("abcdefg", cache.read(abc, 0, 7));
        assertEquals("abcdefgh", cache.read(abc, 0, 8));
        assertEquals("abcdefg", cache.read(abc, 0, 7));
    }

    /**
     * The same random strings read with 8 bytes after them (the packed path) and at the end of their array (the
     * general path), interleaved, so that both paths share slots; every answer must equal the plain decoding.
     */
    @Test
    void bothPathsAnswerRightWhenTheyShareSlots() {
        AsciiStringCache cache = new AsciiStringCache();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int length = random.nextInt(11);
            boolean padded = random.nextBoolean();
            byte[] bytes = new byte[length + (padded ? 8 : 0)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = j < length ? (byte) ('a' + random.nextInt(3)) : (byte) random.nextInt(256);
            }
            assertEquals(new String(bytes, 0, length, StandardCharsets.ISO_8859_1), cache.read(bytes, 0, length));
        }
    }

    /** Hash-colliding strings of equal length ("Aa" and "BB") land in one slot and must not be confused. */
    @Test
    void equalHashesWithOtherCharsAreToldApart() {
        AsciiStringCache cache = new AsciiStringCache();
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertEquals("Aa", cache.read(ascii("Aa"), 0, 2));
        assertEquals("BB", cache.read(ascii("BB"), 0, 2));
        assertEquals("Aa", cache.read(ascii("Aa"), 0, 2));
    }

    @Test
    void stepsAsideWhenNothingRepeatsAndComesBackLater() {
        AsciiStringCache cache = new AsciiStringCache();
        for (int i = 0; i < AsciiStringCache.WINDOW; i++) {
            byte[] unique = ascii("u" + i);
            cache.read(unique, 0, unique.length);
        }
        byte[] word = ascii("again");
        String first = cache.read(word, 0, word.length);
        assertNotSame(first, cache.read(word, 0, word.length), "bypassing after a window without hits");
        for (int i = 0; i < AsciiStringCache.BYPASS; i++) {
            cache.read(word, 0, word.length);
        }
        String cached = cache.read(word, 0, word.length);
        assertSame(cached, cache.read(word, 0, word.length), "back in use after the bypass");
    }

    @Test
    void stringSerializerRoundTripsThroughTheCache() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        List<String> values = List.of("w1", "w2", "w1", "é", "", "w2");
        for (String v : values) {
            StringSerializer.INSTANCE.serialize(v, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        List<String> read = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            read.add(StringSerializer.INSTANCE.deserialize(in));
        }
        assertEquals(values, read);
        assertSame(read.get(0), read.get(2));
    }
}
