package io.runnel.runtime.operators;

import io.runnel.api.functions.RichFunction;
import io.runnel.streamrecord.Watermark;

/**
 * Base of the operators that run one user function: opens and closes it when it is a {@link RichFunction}, and
 * forwards watermarks. The only abstract base class of the operators.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <F> the user function type
 * @param <OUT> output type
 */
abstract class UdfOperator<F, OUT> {

    protected final F function;
    protected final Output<OUT> output;
    protected final StreamingRuntimeContext runtimeContext;
    /** Owner: task thread. */
    private boolean opened;

    UdfOperator(F function, StreamOperatorParameters<OUT> parameters) {
        this.function = function;
        this.output = parameters.output();
        this.runtimeContext = parameters.runtimeContext();
    }

    public void open() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.setRuntimeContext(runtimeContext);
            rich.open();
        }
        opened = true;
    }

    public void finish() throws Exception {
    }

    public void close() throws Exception {
        if (opened && function instanceof RichFunction rich) {
            opened = false;
            rich.close();
        }
    }

    public void processWatermark(Watermark watermark) throws Exception {
        output.emitWatermark(watermark);
    }

    /** Rethrows the checked exception a downstream operator threw through a {@code Collector}. */
    static Exception unwrap(TimestampedCollector.DownstreamException e) {
        return (Exception) e.getCause();
    }
}
