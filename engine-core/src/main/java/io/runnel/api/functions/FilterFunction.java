package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * Keeps the values for which {@link #filter(Object)} returns true.
 *
 * <p><b>Threading:</b> each parallel instance is called by its task thread only.
 *
 * @param <T> the value type
 */
@Public
@FunctionalInterface
public interface FilterFunction<T> extends Function {

    /**
     * @return true to keep {@code value}
     * @throws Exception to fail the task
     */
    boolean filter(T value) throws Exception;
}
