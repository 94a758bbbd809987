package io.runnel.api.typeutils;

import io.runnel.annotation.NotThreadSafe;
import java.nio.charset.StandardCharsets;

/**
 * Turns short ASCII byte runs into {@link String}s, returning the same instance for bytes it has seen recently: a
 * direct-mapped cache of {@value #SLOTS} strings of at most {@value #MAX_LENGTH} chars, indexed by the string's own
 * {@link String#hashCode()}.
 *
 * <p><b>Why:</b> keys in a stream repeat (words, airport codes, user ids). Deserializing each one into a fresh
 * {@code String} allocates about 48 bytes per record, and that garbage pushes the keyed state's values out of the
 * CPU caches; handing out the instance already used as a state key also lets the state map compare keys by
 * identity. The idea is Jackson's symbol table for JSON field names ({@code CharsToNameCanonicalizer}), applied to
 * record fields. The cache watches its hit rate and steps aside for a while when the strings do not repeat (ids,
 * UUIDs), so such streams pay little more than the hash, which is computed in the same pass as the ASCII check.
 *
 * <p><b>Contract:</b> {@link #read(byte[], int, int)} returns a string equal to the bytes read as ISO-8859-1 when
 * they are all ASCII, and null otherwise. At most {@value #SLOTS} strings are kept reachable.
 *
 * <p><b>Threading:</b> confined to the thread that owns the enclosing {@link DataInputDeserializer} (a task thread).
 */
@NotThreadSafe
final class AsciiStringCache {

    /** Number of cache slots, a power of two: 16 KiB of references. */
    static final int SLOTS = 4096;
    /** Longer strings are not cached: they rarely repeat and cost more to compare. */
    static final int MAX_LENGTH = 32;
    /** Lookups per window over which the hit rate is judged. */
    static final int WINDOW = 1024;
    /** The cache steps aside when fewer than WINDOW / MIN_HIT_DIVISOR lookups of a window hit. */
    static final int MIN_HIT_DIVISOR = 16;
    /** Lookups to skip after a bad window before trying again. */
    static final int BYPASS = 64 * WINDOW;

    private final String[] strings = new String[SLOTS];
    /** {@code hashes[i] == strings[i].hashCode()}, kept alongside so that a miss does not touch the string. */
    private final int[] hashes = new int[SLOTS];
    private int lookups;
    private int hits;
    /** Lookups left to skip; 0 while the cache is in use. */
    private int bypass;

    /**
     * @param bytes the backing array
     * @param offset where the chars start
     * @param length the number of chars (one byte each), at least 0
     * @return the string of {@code bytes[offset, offset + length)}, or null if one of the bytes is not ASCII
     */
    String read(byte[] bytes, int offset, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            byte c = bytes[offset + i];
            if (c < 0) {
                return null;
            }
            h = 31 * h + c;
        }
        if (length > MAX_LENGTH || bypass > 0 && --bypass > 0) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        int slot = (h ^ (h >>> 12)) & (SLOTS - 1);
        String cached = strings[slot];
        if (cached != null && hashes[slot] == h && sameChars(cached, bytes, offset, length)) {
            hits++;
            countLookup();
            return cached;
        }
        String fresh = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        strings[slot] = fresh;
        hashes[slot] = h;
        countLookup();
        return fresh;
    }

    private void countLookup() {
        if (++lookups == WINDOW) {
            if (hits < WINDOW / MIN_HIT_DIVISOR) {
                bypass = BYPASS;
            }
            lookups = 0;
            hits = 0;
        }
    }

    private static boolean sameChars(String s, byte[] bytes, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
