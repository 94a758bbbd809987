package io.runnel.runtime.network;

import io.runnel.api.common.JobId;

/**
 * Names the output of one producer subtask on one job edge, in one attempt of the job.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param jobId the job
 * @param edgeId the job edge
 * @param producerSubtask the producing subtask's index
 * @param attempt the job's attempt number (all tasks restart together)
 */
public record ResultPartitionId(JobId jobId, int edgeId, int producerSubtask, int attempt) {
}
