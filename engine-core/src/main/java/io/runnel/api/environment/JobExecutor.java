package io.runnel.api.environment;

import io.runnel.annotation.Public;
import io.runnel.graph.JobGraph;
import java.util.concurrent.CompletableFuture;

/**
 * Runs job graphs somewhere: on an embedded {@code MiniCluster} or on a remote cluster. Found through
 * {@link JobExecutorFactory} and {@link java.util.ServiceLoader}, so that engine-core does not depend on the
 * runtime.
 *
 * <p><b>Threading:</b> implementations are thread-safe.
 */
@Public
public interface JobExecutor {

    /**
     * Submits a job.
     *
     * @return a future of the job's client, completed once the job was accepted
     */
    CompletableFuture<JobClient> execute(JobGraph jobGraph);
}
