package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * The most general one-input function: sees each value with its timestamp and emits any number of outputs.
 *
 * <p><b>Threading:</b> task thread only; the context and collector are valid only during the call.
 *
 * @param <I> input type
 * @param <O> output type
 */
@Public
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Processes one value.
     *
     * @throws Exception to fail the task
     */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What a {@link ProcessFunction} may ask about the current value. */
    public abstract class Context {

        /** @return the event timestamp of the current value in ms, or null if it has none */
        public abstract Long timestamp();
    }
}
