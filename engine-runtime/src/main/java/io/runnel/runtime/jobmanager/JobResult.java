package io.runnel.runtime.jobmanager;

import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobStatus;

/**
 * How a job ended: its final status and either its result (FINISHED) or its root failure (FAILED).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param status FINISHED, FAILED or CANCELED
 * @param result the result when FINISHED, else null
 * @param failure the first failure when FAILED, else null
 */
public record JobResult(JobStatus status, JobExecutionResult result, Throwable failure) {
}
