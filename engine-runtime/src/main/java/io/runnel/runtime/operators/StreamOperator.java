package io.runnel.runtime.operators;

import java.util.concurrent.CompletableFuture;

/**
 * A running operator of a task's chain.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> created with everything it needs (no setup call), then {@link #open()}, records,
 * {@link #finish()} once when a bounded input has ended (not after a failure), and {@link #close()} always.
 * Between records, {@link #snapshotState} at each checkpoint and the checkpoint notifications.
 */
public interface StreamOperator {

    /** The future of an operator that can take input now. */
    CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

    /**
     * @return {@link #AVAILABLE} if the operator can take more input now, else a future that completes (on the task
     *     thread) when it can; the task then stops reading input meanwhile (e.g. asynchronous requests at capacity)
     */
    default CompletableFuture<Void> getAvailableFuture() {
        return AVAILABLE;
    }

    /**
     * @return {@link #AVAILABLE} if the operator has no work in flight, else a future that completes when it has
     *     none; a task whose input ended waits for it before finishing its operators
     */
    default CompletableFuture<Void> getIdleFuture() {
        return AVAILABLE;
    }

    /**
     * Writes the operator's in-memory state into its state backends (operator state, keyed state) for a
     * checkpoint; the task then snapshots the backends. Sources store their readers' splits here; functions
     * that are {@code CheckpointedFunction}s get {@code snapshotState}. Task thread, at the barrier.
     *
     * @param checkpointId the checkpoint
     * @param timestampMillis when the checkpoint was triggered, ms since the epoch
     * @throws Exception to decline the checkpoint and fail the task
     */
    default void snapshotState(long checkpointId, long timestampMillis) throws Exception {
    }

    /**
     * Checkpoint {@code checkpointId} completed: every task's state is durable. Two-phase-commit sinks commit
     * here. Task thread, as a mail.
     *
     * @throws Exception to fail the task
     */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    /**
     * Checkpoint {@code checkpointId} was aborted. Task thread, as a mail.
     *
     * @throws Exception to fail the task
     */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {
    }

    /** Opens the user function. @throws Exception to fail the task */
    void open() throws Exception;

    /** The input has ended: emit final results, flush. @throws Exception to fail the task */
    void finish() throws Exception;

    /** Releases resources, after {@link #finish()} or a failure. @throws Exception if closing fails */
    void close() throws Exception;
}
