package io.runnel.api.state;

import io.runnel.annotation.Public;

/**
 * One value per key, combined with each added value by the descriptor's {@code ReduceFunction}.
 *
 * @param <T> the value type
 */
@Public
public interface ReducingState<T> extends AppendingState<T, T> {
}
