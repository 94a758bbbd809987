package io.runnel.runtime.operators;

/**
 * A running operator of a task's chain.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> created with everything it needs (no setup call), then {@link #open()}, records,
 * {@link #finish()} once when a bounded input has ended (not after a failure), and {@link #close()} always.
 */
public interface StreamOperator {

    /** Opens the user function. @throws Exception to fail the task */
    void open() throws Exception;

    /** The input has ended: emit final results, flush. @throws Exception to fail the task */
    void finish() throws Exception;

    /** Releases resources, after {@link #finish()} or a failure. @throws Exception if closing fails */
    void close() throws Exception;
}
