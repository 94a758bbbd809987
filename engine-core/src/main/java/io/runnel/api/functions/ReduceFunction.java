package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * Combines two values of the same type into one; used for running reductions per key.
 *
 * @param <T> the value type
 */
@Public
@FunctionalInterface
public interface ReduceFunction<T> extends Function {

    /**
     * @param accumulated the result so far
     * @param value the new value
     * @return the combined value; may be a new object or {@code accumulated} modified
     * @throws Exception to fail the task
     */
    T reduce(T accumulated, T value) throws Exception;
}
