package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * A {@link FilterFunction} with a lifecycle and a runtime context.
 *
 * @param <T> the value type
 */
@Public
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {
    private static final long serialVersionUID = 1L;
}
