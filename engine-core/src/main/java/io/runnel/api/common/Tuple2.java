package io.runnel.api.common;

import io.runnel.annotation.Public;

/**
 * An immutable pair. A record rather than Flink's mutable tuple, so it is safe to keep in heap state.
 *
 * @param f0 first field
 * @param f1 second field
 * @param <A> type of the first field
 * @param <B> type of the second field
 */
@Public
public record Tuple2<A, B>(A f0, B f1) {

    /** @return a pair of {@code f0} and {@code f1} */
    public static <A, B> Tuple2<A, B> of(A f0, B f1) {
        return new Tuple2<>(f0, f1);
    }
}
