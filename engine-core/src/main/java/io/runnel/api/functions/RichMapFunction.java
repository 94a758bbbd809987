package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * A {@link MapFunction} with a lifecycle and a runtime context.
 *
 * @param <T> input type
 * @param <O> output type
 */
@Public
public abstract class RichMapFunction<T, O> extends AbstractRichFunction implements MapFunction<T, O> {
    private static final long serialVersionUID = 1L;
}
