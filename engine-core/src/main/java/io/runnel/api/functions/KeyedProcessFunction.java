package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * A process function on a keyed stream: each call is scoped to the key of the current value, and keyed state
 * obtained from {@link RuntimeContext} reads and writes that key's entry.
 *
 * <p><b>Threading:</b> task thread only; the context and collector are valid only during the call.
 *
 * @param <K> key type
 * @param <I> input type
 * @param <O> output type
 */
@Public
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Processes one value of the current key.
     *
     * @throws Exception to fail the task
     */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What a {@link KeyedProcessFunction} may ask about the current value. */
    public abstract class Context {

        /** @return the event timestamp of the current value in ms, or null if it has none */
        public abstract Long timestamp();

        /** @return the key of the current value */
        public abstract K getCurrentKey();
    }
}
