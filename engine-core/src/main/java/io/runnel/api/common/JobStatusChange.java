package io.runnel.api.common;

import io.runnel.annotation.Public;

/**
 * One entry of a job's status history: a status it entered, when, in which attempt, and why.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param status the status entered
 * @param timestampMillis when, ms since the epoch
 * @param attempt the execution attempt (0 for the first deployment, +1 per restart)
 * @param cause the failure that led here (FAILING, RESTARTING, FAILED), else null
 */
@Public
public record JobStatusChange(JobStatus status, long timestampMillis, int attempt, Throwable cause) {
}
