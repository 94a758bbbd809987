package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * Maps each input value to exactly one output value.
 *
 * <p><b>Threading:</b> each parallel instance is called by its task thread only.
 *
 * @param <T> input type
 * @param <O> output type
 */
@Public
@FunctionalInterface
public interface MapFunction<T, O> extends Function {

    /**
     * @return the output for {@code value}; must not be null on a stream that crosses a task boundary
     * @throws Exception to fail the task; the job fails (or restarts) with this exception as the cause
     */
    O map(T value) throws Exception;
}
