package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * Combines one value of each side of a window join ({@code a.join(b).where(..).equalTo(..).window(..)}) into a
 * result: called for every pair of the two sides' values with equal keys in one window. Follows Flink's
 * {@code JoinFunction}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the result type
 */
@Public
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {

    /**
     * @return the result for the pair
     * @throws Exception to fail the task
     */
    OUT join(IN1 first, IN2 second) throws Exception;
}
