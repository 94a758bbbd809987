package io.runnel.api.common;

import io.runnel.annotation.Public;

/**
 * An immutable triple; see {@link Tuple2}.
 *
 * @param f0 first field
 * @param f1 second field
 * @param f2 third field
 * @param <A> type of the first field
 * @param <B> type of the second field
 * @param <C> type of the third field
 */
@Public
public record Tuple3<A, B, C>(A f0, B f1, C f2) {

    /** @return a triple of the three values */
    public static <A, B, C> Tuple3<A, B, C> of(A f0, B f1, C f2) {
        return new Tuple3<>(f0, f1, f2);
    }
}
