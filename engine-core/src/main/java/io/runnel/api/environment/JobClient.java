package io.runnel.api.environment;

import io.runnel.annotation.Public;
import io.runnel.annotation.ThreadSafe;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobId;
import io.runnel.api.common.JobStatus;
import java.util.concurrent.CompletableFuture;

/**
 * A handle on a submitted job.
 *
 * <p><b>Threading:</b> thread-safe; the futures complete on engine threads, so do not block in their callbacks.
 */
@Public
@ThreadSafe
public interface JobClient {

    /** @return the job's id */
    JobId getJobId();

    /** @return the job's current status */
    CompletableFuture<JobStatus> getJobStatus();

    /** Asks the job to cancel; the future completes when the request was accepted. */
    CompletableFuture<Void> cancel();

    /**
     * @return a future of the result; it completes after the job reached a terminal status and, for the embedded
     *     cluster of one job, after that cluster's threads have ended. It completes exceptionally with a
     *     {@link io.runnel.api.common.JobExecutionException} when the job failed or was cancelled.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
