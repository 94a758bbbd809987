package io.runnel.runtime.taskmanager;

import io.runnel.graph.JobGraph;
import io.runnel.graph.JobVertex;
import io.runnel.runtime.checkpoint.TaskRestore;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;

/**
 * What a TaskManager needs to run one subtask: the job graph (for the chain and its edges) and which subtask.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param attemptId the subtask attempt
 * @param jobGraph the job
 * @param slotIndex the slot the subtask runs in
 * @param userClassLoader the class loader of the job's code (the embedded cluster shares the client's; cluster mode
 *     will ship the job's jars instead)
 * @param restore the state to start from, or null for a fresh start
 * @param failureNanoTime for a redeployment after a failure, {@link System#nanoTime()} when the JobManager learned
 *     of the failure (to measure the recovery); 0 otherwise
 */
public record TaskDeploymentDescriptor(ExecutionAttemptId attemptId, JobGraph jobGraph, int slotIndex,
                                       ClassLoader userClassLoader, TaskRestore restore, long failureNanoTime) {

    /** @return the vertex the subtask runs */
    public JobVertex vertex() {
        return jobGraph.vertex(attemptId.vertexId());
    }
}
