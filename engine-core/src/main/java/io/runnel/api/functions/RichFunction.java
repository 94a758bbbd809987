package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * A function with a lifecycle and access to its {@link RuntimeContext} (subtask index, counters, keyed state).
 *
 * <p><b>Lifecycle:</b> the engine calls {@link #setRuntimeContext}, then {@link #open()} once before the first
 * value, then the function's methods, then {@link #close()} once (also after a failure, when it got opened).
 *
 * <p><b>Threading:</b> all calls come from the task thread.
 */
@Public
public interface RichFunction extends Function {

    /** Called once before the first value. @throws Exception to fail the task */
    void open() throws Exception;

    /** Called once at the end, after the last value or after a failure. @throws Exception to fail the task */
    void close() throws Exception;

    /** @return the runtime context; valid from {@link #open()} on */
    RuntimeContext getRuntimeContext();

    /** Called by the engine before {@link #open()}. */
    void setRuntimeContext(RuntimeContext context);
}
