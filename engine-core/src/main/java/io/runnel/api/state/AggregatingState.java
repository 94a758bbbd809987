package io.runnel.api.state;

import io.runnel.annotation.Public;

/**
 * An accumulator per key, updated with each added value by the descriptor's {@code AggregateFunction};
 * {@link #get()} returns the function's result for the accumulator.
 *
 * @param <IN> the type of added values
 * @param <OUT> the result type
 */
@Public
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {
}
