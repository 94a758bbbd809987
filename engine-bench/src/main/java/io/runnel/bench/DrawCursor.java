package io.runnel.bench;

import io.runnel.annotation.NotThreadSafe;

/**
 * A counter-based stream of uniform doubles in {@code [0, 1)}: the draw at index {@code i} is a pure function of
 * {@code (seed, i)}, so a reader that starts at the first index of its split produces exactly the draws a single
 * reader of the whole range would produce there.
 *
 * <p><b>Contract:</b> {@code new DrawCursor(seed, i).nextDouble()} equals the {@code (i + 1)}-th
 * {@code nextDouble()} of {@code new java.util.SplittableRandom(seed)}: both are SplitMix64 with the golden gamma,
 * {@code draw(i) = (mix64(seed + (i + 1) * GOLDEN_GAMMA) >>> 11) * 2^-53}. {@code DrawCursorTest} checks it. Seeding
 * a {@code SplittableRandom} per split with {@code seed + splitStart} would make the draws depend on where the
 * splits are cut, and so on the parallelism; indexing the counter avoids that.
 *
 * <p><b>Threading:</b> not thread-safe; one cursor per reader (task thread) or per loop.
 */
@NotThreadSafe
final class DrawCursor {

    /** The odd gamma of {@code java.util.SplittableRandom}'s default sequence: 2^64 / golden ratio. */
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private static final double DOUBLE_UNIT = 0x1.0p-53;

    /** SplitMix64 state; owner: the thread using the cursor. */
    private long state;

    /**
     * @param seed the seed of the whole sequence
     * @param index the index of the first draw this cursor returns, {@code >= 0}
     */
    DrawCursor(long seed, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, got " + index);
        }
        this.state = seed + index * GOLDEN_GAMMA;
    }

    /** @return the draw at the current index, then moves to the next index */
    double nextDouble() {
        state += GOLDEN_GAMMA;
        return (mix64(state) >>> 11) * DOUBLE_UNIT;
    }

    /** SplitMix64's finalizer (Stafford's variant 13), as in {@code java.util.SplittableRandom}: a bijection. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
