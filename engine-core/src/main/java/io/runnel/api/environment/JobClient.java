package io.runnel.api.environment;

import io.runnel.annotation.Public;
import io.runnel.annotation.ThreadSafe;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobId;
import io.runnel.api.common.JobStatus;
import io.runnel.api.common.JobStatusChange;
import java.util.List;
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

    /**
     * @return a future of the statuses the job went through, oldest first (RESTARTING entries carry the attempt
     *     number and the failure that caused them)
     */
    CompletableFuture<List<JobStatusChange>> getStatusHistory();

    /**
     * Takes a savepoint of the running job: a self-contained, user-owned snapshot from which a job (maybe
     * changed, maybe at another parallelism) can start with {@code execution.savepoint.path}.
     *
     * @param directory the parent directory (a {@code file://} URI or a path), or null for
     *     {@code state.savepoints.dir}
     * @return a future of the savepoint's directory; it fails if the savepoint fails or no directory is known
     */
    CompletableFuture<String> triggerSavepoint(String directory);

    /**
     * Takes a savepoint and then stops the job, which ends FINISHED. With {@code drain}, sources first emit the
     * final watermark so that every event-time window and timer fires before the savepoint (use it when the job
     * will not be resumed); without, the job stops right after the savepoint and can resume where it stopped.
     *
     * @param drain whether to emit the final watermark first
     * @param directory as for {@link #triggerSavepoint}
     * @return a future of the savepoint's directory
     */
    CompletableFuture<String> stopWithSavepoint(boolean drain, String directory);
}
