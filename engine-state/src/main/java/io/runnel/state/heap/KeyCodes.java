package io.runnel.state.heap;

/**
 * Exact 64-bit codes of common small keys, so that {@link StateMap} can decide "equal key" on a {@code long} it
 * keeps next to its hashes instead of calling {@code equals} on the stored key. That call reads the stored key
 * object and, for a string, its byte array: two dependent cache misses for a key not touched lately, on every
 * lookup whose key is an equal but different instance (a key deserialized again after it left the deserializer's
 * string cache).
 *
 * <p>The codes, for keys of one class:
 * <ul>
 *   <li>{@link Long}: the value; {@link Integer}: the value, sign-extended.</li>
 *   <li>{@link String} of at most 8 chars, each below {@code 0x80}: char i in byte i (little-endian), and if the
 *       string is shorter than 8, the marker byte {@code 0x80} right after its last char. No char is {@code 0x80}
 *       or more, so the marker tells the lengths apart, and the code is a bijection between such strings and their
 *       codes. Longer or non-ASCII strings have no code ({@link #NONE}, which no coded string reaches since its
 *       top byte would be {@code 0xFF}). This is the packing that engine-core's {@code AsciiStringCache} applies
 *       to the serialized bytes of short strings; here it starts from the {@code String}, which is all the state
 *       sees.</li>
 * </ul>
 * Equal keys of these classes have equal codes, and equal codes of keys of the same class mean equal keys. Keys of
 * different classes are never equal ({@code String}, {@code Long} and {@code Integer} compare only with their own
 * class), so a map whose keys are all of one coded class can answer a lookup with a key of another class, or with
 * a string without a code, by "absent".
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
final class KeyCodes {

    /** What {@link #codeOf} returns for a string without a code; never the code of a string. */
    static final long NONE = -1L;

    private static final int MAX_STRING_CHARS = 8;
    private static final int ASCII_LIMIT = 0x80;

    private KeyCodes() {
    }

    /** @return true if keys of class {@code c} have codes (all of them, or for strings the short ASCII ones) */
    static boolean isCodedClass(Class<?> c) {
        return c == String.class || c == Long.class || c == Integer.class;
    }

    /**
     * @param key a key whose class satisfies {@link #isCodedClass}
     * @return the key's code; for a string without a code, {@link #NONE} (a {@code Long} of -1 also returns -1,
     *     which is its code: so test with {@link #lacksCode})
     */
    static long codeOf(Object key) {
        if (key instanceof String s) {
            return ofString(s);
        }
        return ((Number) key).longValue();
    }

    /** @return true if {@code code}, from {@link #codeOf}{@code (key)}, says that {@code key} has no code */
    static boolean lacksCode(Object key, long code) {
        return code == NONE && key instanceof String;
    }

    /** @return the code of {@code s}, or {@link #NONE} if it is longer than 8 chars or has a non-ASCII char */
    static long ofString(String s) {
        int length = s.length();
        if (length > MAX_STRING_CHARS) {
            return NONE;
        }
        long packed = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= ASCII_LIMIT) {
                return NONE;
            }
            packed |= (long) c << (Byte.SIZE * i);
        }
        return length < MAX_STRING_CHARS ? packed | ((long) ASCII_LIMIT << (Byte.SIZE * length)) : packed;
    }
}
