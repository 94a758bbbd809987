package io.runnel.api.common;

import io.runnel.annotation.Public;

/**
 * Thrown by {@code execute()} when a job fails or is cancelled. Its cause is the exception that failed the job
 * (the user function's exception when user code threw), with no engine wrapper in between.
 */
@Public
public class JobExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final JobId jobId;
    private final JobStatus status;

    public JobExecutionException(JobId jobId, JobStatus status, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.status = status;
    }

    public JobId getJobId() {
        return jobId;
    }

    /** @return FAILED or CANCELED */
    public JobStatus getStatus() {
        return status;
    }
}
