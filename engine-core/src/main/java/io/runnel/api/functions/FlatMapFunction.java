package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * Maps each input value to zero or more output values, emitted through the collector.
 *
 * <p><b>Threading:</b> each parallel instance is called by its task thread only; the collector is valid only
 * during the call.
 *
 * @param <T> input type
 * @param <O> output type
 */
@Public
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {

    /** @throws Exception to fail the task */
    void flatMap(T value, Collector<O> out) throws Exception;
}
