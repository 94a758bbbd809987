package io.runnel.state;

/**
 * Maps keys to key groups and key groups to subtasks. A key's group is {@code murmur(key.hashCode()) % m} for max
 * parallelism m; subtask i of parallelism p owns the contiguous range
 * {@code [ceil(i * m / p), floor(((i + 1) * m - 1) / p)]}, and key group g belongs to subtask {@code g * p / m}.
 * These are Flink's formulas, so that a job's key distribution matches what a Flink user expects.
 *
 * <p><b>Threading:</b> stateless.
 */
public final class KeyGroupRangeAssignment {

    private KeyGroupRangeAssignment() {
    }

    /**
     * @return the key group of {@code key}, in {@code [0, maxParallelism)}
     * @throws NullPointerException if the key is null (keyBy does not allow null keys)
     */
    public static int assignToKeyGroup(Object key, int maxParallelism) {
        return computeKeyGroupForKeyHash(checkKey(key).hashCode(), maxParallelism);
    }

    /**
     * @return {@code key}
     * @throws NullPointerException if the key is null (keyBy does not allow null keys)
     */
    public static Object checkKey(Object key) {
        if (key == null) {
            throw new NullPointerException("keyBy produced a null key; keys must not be null");
        }
        return key;
    }

    /** @return the key group for a key's {@code hashCode()} */
    public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
        int h = murmurHash(keyHash);
        // murmurHash is non-negative, so for a power of two the mask equals the remainder and skips a division,
        // which is a visible part of the per-record cost of keyed state.
        return (maxParallelism & (maxParallelism - 1)) == 0 ? h & (maxParallelism - 1) : h % maxParallelism;
    }

    /** @return the subtask that owns {@code keyGroup} at parallelism {@code parallelism} */
    public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
        return keyGroup * parallelism / maxParallelism;
    }

    /** @return the key groups owned by subtask {@code index} of {@code parallelism} */
    public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(int maxParallelism, int parallelism,
                                                                     int index) {
        if (parallelism > maxParallelism) {
            throw new IllegalArgumentException("parallelism " + parallelism + " exceeds max parallelism "
                    + maxParallelism);
        }
        int start = (index * maxParallelism + parallelism - 1) / parallelism;
        int end = ((index + 1) * maxParallelism - 1) / parallelism;
        return new KeyGroupRange(start, end);
    }

    /**
     * Murmur3's 32-bit mixing of one int, made non-negative: spreads keys whose hash codes are sequential (boxed
     * integers) over the key groups.
     */
    public static int murmurHash(int code) {
        code *= 0xcc9e2d51;
        code = Integer.rotateLeft(code, 15);
        code *= 0x1b873593;
        code = Integer.rotateLeft(code, 13);
        code = code * 5 + 0xe6546b64;
        code ^= 4;
        code ^= code >>> 16;
        code *= 0x85ebca6b;
        code ^= code >>> 13;
        code *= 0xc2b2ae35;
        code ^= code >>> 16;
        if (code >= 0) {
            return code;
        }
        return code != Integer.MIN_VALUE ? -code : 0;
    }
}
