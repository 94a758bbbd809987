package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * Sees all values of both sides of a window coGroup ({@code a.coGroup(b).where(..).equalTo(..).window(..)}) that
 * have one key and fall into one window, once per (key, window) in which at least one side has a value; the other
 * side's iterable is then empty. Unlike a join it sees unmatched values too (outer joins). Follows Flink's
 * {@code CoGroupFunction}.
 *
 * <p><b>Threading:</b> task thread only; the iterables are valid only during the call.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the result type
 */
@Public
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, OUT> extends Function {

    /**
     * @param first the first side's values of the key and window, in arrival order (may be empty)
     * @param second the second side's values (may be empty)
     * @param out where to emit results; they carry the window's {@code maxTimestamp()} as their event time
     * @throws Exception to fail the task
     */
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
