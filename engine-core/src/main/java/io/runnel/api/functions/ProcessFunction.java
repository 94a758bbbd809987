package io.runnel.api.functions;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;

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

    /**
     * Called once on each parallel instance after its whole input has ended (all upstream subtasks of a bounded
     * job finished), before {@link #close()}; may emit final results, e.g. a top-N over everything seen. Not
     * called when the job fails or is cancelled. Follows {@code endInput} of Flink 2.0's DataStream V2 process
     * functions.
     *
     * @throws Exception to fail the task
     */
    public void endInput(Collector<O> out) throws Exception {
    }

    /** What a {@link ProcessFunction} may ask about the current value. */
    public abstract class Context {

        /** @return the event timestamp of the current value in ms, or null if it has none */
        public abstract Long timestamp();

        /**
         * @return the clocks of this operator; registering timers needs a keyed stream (use
         *     {@link KeyedProcessFunction}) and throws {@link UnsupportedOperationException} here
         */
        public abstract TimerService timerService();

        /**
         * Emits a value to the side output named by {@code tag}, with the current value's timestamp.
         *
         * @throws IllegalArgumentException if the tag is null
         */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
