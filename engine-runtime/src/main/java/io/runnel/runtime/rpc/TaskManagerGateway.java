package io.runnel.runtime.rpc;

import io.runnel.api.common.JobId;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.runtime.source.OperatorEvent;
import io.runnel.runtime.taskmanager.TaskDeploymentDescriptor;
import io.runnel.streamrecord.CheckpointBarrier;
import java.util.concurrent.CompletableFuture;

/**
 * How the JobManager talks to a TaskManager. In the embedded {@code MiniCluster} this is a direct call; in
 * cluster mode a Netty RPC stub implements it.
 *
 * <p><b>Threading:</b> implementations are thread-safe and never block the caller (the JobManager's main thread).
 */
public interface TaskManagerGateway {

    /** @return the number of task slots */
    int getNumberOfSlots();

    /**
     * Deploys and starts a subtask; it reports its states to {@code jobMaster}.
     *
     * @return a future that completes when the task was accepted (its thread started)
     */
    CompletableFuture<Void> submitTask(TaskDeploymentDescriptor descriptor, JobMasterGateway jobMaster);

    /** Asks a subtask to cancel; it reports CANCELED when its thread ended. */
    void cancelTask(ExecutionAttemptId attemptId);

    /** Delivers an event from a coordinator to a subtask's operator (as a mail). */
    void sendOperatorEvent(ExecutionAttemptId attemptId, OperatorEvent event);

    /** Releases everything the TaskManager holds for a job that has ended. */
    void releaseJob(JobId jobId);

    /**
     * Triggers a checkpoint at a source subtask (it becomes a mail of the task).
     *
     * @param terminate stop the source after this savepoint completes (stop-with-savepoint)
     * @param drain with {@code terminate}, emit the final watermark before the barrier
     */
    void triggerCheckpoint(ExecutionAttemptId attemptId, CheckpointBarrier barrier, boolean terminate, boolean drain);

    /** Tells a subtask that a checkpoint completed (a mail of the task). */
    void notifyCheckpointComplete(ExecutionAttemptId attemptId, long checkpointId);

    /** Tells a subtask that a checkpoint was aborted (a mail of the task). */
    void notifyCheckpointAborted(ExecutionAttemptId attemptId, long checkpointId);
}
