package io.runnel.runtime.executiongraph;

import io.runnel.api.common.JobId;

/**
 * Identifies one attempt of one subtask.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param jobId the job
 * @param vertexId the job vertex
 * @param subtaskIndex the subtask
 * @param attemptNumber the job's attempt (0 first, +1 per restart)
 */
public record ExecutionAttemptId(JobId jobId, int vertexId, int subtaskIndex, int attemptNumber) {
}
