package io.runnel.api.typeutils;

import io.runnel.annotation.NotThreadSafe;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns short ASCII byte runs into {@link String}s, returning the same instance for bytes it has seen recently: a
 * direct-mapped cache of {@value #SLOTS} strings of at most {@value #MAX_LENGTH} chars.
 *
 * <p><b>Two paths.</b> A string of at most 8 chars with 8 bytes readable from its start (all but the last few
 * bytes of a buffer) is read with one 8-byte load, checked for ASCII with one mask, and packed into a long
 * ({@link #pack}) that both picks its slot and decides a hit: a hit reads two arrays of this cache and neither
 * loops over the chars nor touches the cached string (whose lines are often cold for keys outside the hottest few
 * hundred). Other strings are hashed as {@link String#hashCode()} in a loop that also checks for ASCII, and a hit
 * compares the chars of the cached string. Both paths store what they read in the same slots; a string read by
 * both may be cached twice, once per path, which costs a slot but never a wrong answer (each path's check is
 * exact for the strings it compares).
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

    /** Little-endian longs from a byte array, for reading up to 8 chars in one load. */
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The high bit of every byte: set in a long of chars iff one of them is not ASCII. */
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Packed value of a slot without a short string: it has 8 high bits set, {@link #pack} at most one. */
    private static final long NOT_PACKED = HIGH_BITS;
    private static final int SLOT_BITS = Integer.numberOfTrailingZeros(SLOTS);

    private final String[] strings = new String[SLOTS];
    /**
     * {@code hashes[i] == strings[i].hashCode()}, kept alongside so that a miss of the general path does not touch
     * the string.
     */
    private final int[] hashes = new int[SLOTS];
    /**
     * Per slot, the chars of a string of at most 8 chars packed into a long ({@link #pack}), or {@link #NOT_PACKED}.
     * A hit on such a string is decided on this array alone, without reading the cached string.
     */
    private final long[] packed = newPacked();
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
        if (length <= 8 && bytes.length - offset >= 8) {
            return readShort(bytes, offset, length);
        }
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
        return store(slot, bytes, offset, length, length <= 8 ? pack(bytes, offset, length) : NOT_PACKED);
    }

    /**
     * The path of strings of at most 8 chars with 8 bytes readable from {@code offset}: one load reads the chars,
     * one test checks that they are ASCII, and a hit compares the packed chars with the slot's, so neither a loop
     * over the chars nor the cached string is touched.
     */
    private String readShort(byte[] bytes, int offset, int length) {
        long word = (long) LONG_LE.get(bytes, offset);
        long chars = length == 8 ? word : word & ((1L << (length << 3)) - 1);
        if ((chars & HIGH_BITS) != 0) {
            return null;
        }
        if (bypass > 0 && --bypass > 0) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        long p = length == 8 ? chars : chars | 0x80L << (length << 3);
        int slot = (int) ((p * 0x9E3779B97F4A7C15L) >>> (64 - SLOT_BITS));
        if (packed[slot] == p) {
            hits++;
            countLookup();
            return strings[slot];
        }
        return store(slot, bytes, offset, length, p);
    }

    private String store(int slot, byte[] bytes, int offset, int length, long p) {
        String fresh = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        strings[slot] = fresh;
        hashes[slot] = fresh.hashCode();
        packed[slot] = p;
        countLookup();
        return fresh;
    }

    /**
     * @return the ASCII chars {@code bytes[offset, offset + length)}, {@code length <= 8}, as a long: char i in
     *     byte i, then, if {@code length < 8}, the byte 0x80 (which no ASCII char has) to mark the end; distinct
     *     strings give distinct longs, and none has more than one high bit set
     */
    private static long pack(byte[] bytes, int offset, int length) {
        long p = 0;
        for (int i = 0; i < length; i++) {
            p |= (long) bytes[offset + i] << (i << 3);
        }
        return length == 8 ? p : p | 0x80L << (length << 3);
    }

    private static long[] newPacked() {
        long[] p = new long[SLOTS];
        Arrays.fill(p, NOT_PACKED);
        return p;
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
