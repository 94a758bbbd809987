package io.runnel.runtime.checkpoint;

import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.streamrecord.CheckpointBarrier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@link CheckpointCoordinator} needs from the job it checkpoints (implemented by the JobMaster): the
 * current subtask attempts, and the way to reach them.
 *
 * <p><b>Threading:</b> called on the JobManager main thread only.
 */
public interface CheckpointCoordinatorContext {

    /**
     * The subtasks of the current execution attempt.
     *
     * @param allRunning true if every subtask is RUNNING or FINISHED (none still deploying)
     * @param sourcesToTrigger the subtasks a checkpoint starts at: running sources, and running subtasks all of
     *     whose producers have finished (they get no barrier)
     * @param toAcknowledge every subtask that is not finished
     * @param finished the finished subtasks
     */
    record Tasks(boolean allRunning, List<ExecutionAttemptId> sourcesToTrigger, Set<ExecutionAttemptId> toAcknowledge,
                 Set<ExecutionAttemptId> finished) {
    }

    /** @return the current attempts */
    Tasks tasks();

    /** Sends a trigger to a source subtask. */
    void triggerCheckpoint(ExecutionAttemptId attempt, CheckpointBarrier barrier, CheckpointTrigger trigger);

    /** Tells a subtask that a checkpoint completed. */
    void notifyCheckpointComplete(ExecutionAttemptId attempt, long checkpointId);

    /** Tells a subtask that a checkpoint was aborted. */
    void notifyCheckpointAborted(ExecutionAttemptId attempt, long checkpointId);

    /**
     * @return by source operator id, the state of its split enumerator (Java-serialized)
     * @throws Exception if an enumerator cannot snapshot; the checkpoint is then not triggered
     */
    Map<String, byte[]> snapshotCoordinators(long checkpointId) throws Exception;

    /** @return by operator id, the operator's vertex parallelism and max parallelism as {p, maxP} */
    Map<String, int[]> operatorParallelism();

    /** @return the vertex id of an attempt's operators: the ids of the operators its chain holds */
    List<String> operatorIdsOf(ExecutionAttemptId attempt);

    /** Fails the job (goes through the restart strategy), e.g. after too many checkpoint failures. */
    void failJob(Throwable cause);
}
