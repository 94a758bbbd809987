package io.runnel.runtime.rpc;

import io.runnel.runtime.checkpoint.TaskStateSnapshot;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.runtime.executiongraph.TaskExecutionState;
import io.runnel.runtime.source.OperatorEvent;

/**
 * How tasks talk to the JobManager of their job. Calls are handed to the JobManager's main thread.
 *
 * <p><b>Threading:</b> thread-safe; never blocks the caller.
 */
public interface JobMasterGateway {

    /** A subtask changed state. */
    void updateTaskExecutionState(TaskExecutionState state);

    /** An operator of a subtask sends an event to its coordinator (a source reader to its enumerator). */
    void sendOperatorEventToCoordinator(ExecutionAttemptId attemptId, OperatorEvent event);

    /** A subtask's state for a checkpoint is durable. Any thread. */
    void acknowledgeCheckpoint(ExecutionAttemptId attemptId, long checkpointId, TaskStateSnapshot state);

    /** A subtask cannot complete a checkpoint. Any thread. */
    void declineCheckpoint(ExecutionAttemptId attemptId, long checkpointId, Throwable cause);

    /**
     * A subtask finished its operators and waits for its final checkpoint; the coordinator triggers one as soon as
     * no other is pending. Any thread.
     */
    void requestFinalCheckpoint(ExecutionAttemptId attemptId);

    /**
     * A restored source subtask emitted its first record.
     *
     * @param nanoTime {@link System#nanoTime()} at that moment (the embedded cluster shares one clock)
     */
    void reportFirstRecordAfterRestore(ExecutionAttemptId attemptId, long nanoTime);
}
