package io.runnel.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A key code is exact: equal strings share a code, different strings with codes never do. */
class KeyCodesTest {

    @Test
    void shortAsciiStringsGetDistinctCodesAcrossEveryLength() {
        Map<Long, String> seen = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            int length = random.nextInt(9);
            char[] chars = new char[length];
            for (int c = 0; c < length; c++) {
                // A small alphabet with NUL, so that prefixes and equal strings come up often.
                chars[c] = "\u0000ab\u007f".charAt(random.nextInt(4));
            }
            String s = new String(chars);
            long code = KeyCodes.ofString(s);
            assertNotEquals(KeyCodes.NONE, code, s);
            String before = seen.putIfAbsent(code, s);
            assertTrue(before == null || before.equals(s), () -> "code clash of '" + before + "' and '" + s + "'");
        }
    }

    @Test
    void theEndMarkerTellsAStringFromItsNulPaddedExtension() {
        assertNotEquals(KeyCodes.ofString("a"), KeyCodes.ofString("a\u0000"));
        assertNotEquals(KeyCodes.ofString(""), KeyCodes.ofString("\u0000"));
        assertEquals(0x80L, KeyCodes.ofString(""));
        assertEquals('w' | ('1' << 8) | (0x80L << 16), KeyCodes.ofString("w1"));
    }

    @Test
    void longAndNonAsciiStringsHaveNoCodeButNumbersAlwaysDo() {
        assertEquals(KeyCodes.NONE, KeyCodes.ofString("abcdefghi"));
        assertEquals(KeyCodes.NONE, KeyCodes.ofString("caf\u00e9"));
        assertEquals(KeyCodes.NONE, KeyCodes.ofString("\u0080"));
        assertTrue(KeyCodes.lacksCode("\u0080", KeyCodes.codeOf("\u0080")));
        assertFalse(KeyCodes.lacksCode(-1L, KeyCodes.codeOf(-1L)), "-1 is a Long's code, not NONE");
        assertEquals(-1L, KeyCodes.codeOf(-1));
        assertFalse(KeyCodes.isCodedClass(Short.class));
    }
}
