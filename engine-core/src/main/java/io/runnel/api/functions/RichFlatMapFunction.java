package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * A {@link FlatMapFunction} with a lifecycle and a runtime context.
 *
 * @param <T> input type
 * @param <O> output type
 */
@Public
public abstract class RichFlatMapFunction<T, O> extends AbstractRichFunction implements FlatMapFunction<T, O> {
    private static final long serialVersionUID = 1L;
}
