package io.runnel.api.checkpoint;

import io.runnel.annotation.Public;

/**
 * A user function with its own state in snapshots: usually operator (non-keyed) list state, which is split
 * evenly or handed whole (union) to the parallel instances when a job is restored at another parallelism. After
 * Flink's {@code CheckpointedFunction}.
 *
 * <p><b>Lifecycle:</b> {@link #initializeState} once per parallel instance, before {@code open()}, with
 * {@code isRestored()} true when the job restarts from a snapshot; {@link #snapshotState} on the task thread at
 * each checkpoint (checkpoints arrive with the checkpoint issue; until then only initialization happens).
 *
 * <p><b>Threading:</b> task thread only.
 */
@Public
public interface CheckpointedFunction {

    /**
     * Copies what the function keeps in fields into its registered state, for the checkpoint described.
     *
     * @throws Exception to fail the checkpoint
     */
    void snapshotState(FunctionSnapshotContext context) throws Exception;

    /**
     * Registers the function's state and, on restore, reads it back.
     *
     * @throws Exception to fail the task
     */
    void initializeState(FunctionInitializationContext context) throws Exception;
}
