package io.runnel.runtime.tasks;

import io.runnel.runtime.checkpoint.TaskStateSnapshot;

/**
 * Where a task reports on its part of a checkpoint: the JobManager's checkpoint coordinator.
 *
 * <p><b>Threading:</b> thread-safe; called from the task thread and the async snapshot threads.
 */
public interface CheckpointResponder {

    /** The task's state for the checkpoint is durable. */
    void acknowledgeCheckpoint(long checkpointId, TaskStateSnapshot state);

    /** The task cannot complete the checkpoint. */
    void declineCheckpoint(long checkpointId, Throwable cause);

    /**
     * The task finished its operators and waits for a checkpoint that sees them finished before it ends: ask for
     * one now rather than at the next periodic trigger.
     */
    void requestFinalCheckpoint();
}
