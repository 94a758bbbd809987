package io.runnel.runtime.minicluster;

import io.runnel.api.common.JobExecutionException;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobId;
import io.runnel.api.common.JobStatus;
import io.runnel.api.common.JobStatusChange;
import io.runnel.api.environment.JobClient;
import io.runnel.graph.JobGraph;
import io.runnel.runtime.checkpoint.CheckpointStatsTracker;
import io.runnel.runtime.jobmanager.JobMaster;
import io.runnel.runtime.jobmanager.JobResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link JobClient} of a job on a {@link MiniCluster}.
 *
 * <p><b>Threading:</b> thread-safe.
 */
public final class MiniClusterJobClient implements JobClient {

    private final JobGraph jobGraph;
    private final JobMaster master;
    private final CompletableFuture<JobExecutionResult> result;

    MiniClusterJobClient(JobGraph jobGraph, JobMaster master) {
        this(jobGraph, master, toExecutionResult(jobGraph, master.getResultFuture()));
    }

    MiniClusterJobClient(JobGraph jobGraph, JobMaster master, CompletableFuture<JobExecutionResult> result) {
        this.jobGraph = jobGraph;
        this.master = master;
        this.result = result;
    }

    static CompletableFuture<JobExecutionResult> toExecutionResult(JobGraph jobGraph,
                                                                   CompletableFuture<JobResult> jobResult) {
        return jobResult.thenCompose(r -> {
            if (r.status() == JobStatus.FINISHED) {
                return CompletableFuture.completedFuture(r.result());
            }
            String what = r.status() == JobStatus.CANCELED ? "was cancelled"
                    : "failed: " + r.failure();
            return CompletableFuture.failedFuture(new JobExecutionException(jobGraph.jobId(), r.status(),
                    "Job '" + jobGraph.name() + "' " + what, r.failure()));
        });
    }

    @Override
    public JobId getJobId() {
        return jobGraph.jobId();
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        JobResult done = master.getResultFuture().getNow(null);
        return done != null ? CompletableFuture.completedFuture(done.status()) : master.getStatus();
    }

    @Override
    public CompletableFuture<Void> cancel() {
        master.cancel();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return result;
    }

    @Override
    public CompletableFuture<List<JobStatusChange>> getStatusHistory() {
        return master.getStatusHistory();
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String directory) {
        return master.triggerSavepoint(directory, false, false);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean drain, String directory) {
        return master.triggerSavepoint(directory, true, drain);
    }

    /** @return the job's checkpoint statistics (for benchmarks and tests) */
    public CheckpointStatsTracker getCheckpointStats() {
        return master.checkpointStats();
    }

    /** @return a future of the measured recoveries: ns from each failure to the first record after its restore */
    public CompletableFuture<List<Long>> getRecoveryTimesNanos() {
        return master.recoveryTimesNanos();
    }

    /** @return a client of the same job whose result is {@code newResult} (e.g. completed after closing the cluster) */
    MiniClusterJobClient withResult(CompletableFuture<JobExecutionResult> newResult) {
        return new MiniClusterJobClient(jobGraph, master, newResult);
    }
}
