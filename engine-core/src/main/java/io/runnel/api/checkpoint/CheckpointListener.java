package io.runnel.api.checkpoint;

import io.runnel.annotation.Public;

/**
 * Implemented by user functions (and sinks) that want to know when a checkpoint completed or was aborted, e.g. to
 * commit what they wrote for it (the second phase of a two-phase commit). A completion notice may be missed (the
 * task failed over in between); the next one covers every earlier checkpoint, so act on "everything up to id".
 *
 * <p><b>Threading:</b> called on the task thread, between records.
 */
@Public
public interface CheckpointListener {

    /**
     * Checkpoint {@code checkpointId} completed: every task's state for it is durable.
     *
     * @throws Exception to fail the task
     */
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    /**
     * Checkpoint {@code checkpointId} was aborted; what was prepared for it will not be committed by it.
     *
     * @throws Exception to fail the task
     */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {
    }
}
