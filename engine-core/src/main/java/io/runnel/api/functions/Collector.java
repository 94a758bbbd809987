package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * Receives the values a function emits.
 *
 * <p><b>Threading:</b> task thread only, and only during the call that received it.
 *
 * @param <T> the value type
 */
@Public
public interface Collector<T> {

    /** Emits one value downstream. */
    void collect(T record);
}
