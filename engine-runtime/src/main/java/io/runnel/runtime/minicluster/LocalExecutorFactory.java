package io.runnel.runtime.minicluster;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.JobExecutor;
import io.runnel.api.environment.JobExecutorFactory;
import io.runnel.graph.JobGraph;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code local} executor: starts a {@link MiniCluster} for each job, with at least as many slots as the
 * job's largest parallelism, and shuts it down when the job ends, so that no engine thread outlives the job.
 * Registered through {@code META-INF/services} and found by {@code StreamExecutionEnvironment}.
 *
 * <p><b>Threading:</b> thread-safe; the cluster is closed on a short-lived thread
 * {@code runnel-minicluster-shutdown}, and the job's result future completes after the close.
 */
public final class LocalExecutorFactory implements JobExecutorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(LocalExecutorFactory.class);

    @Override
    public String name() {
        return "local";
    }

    @Override
    public JobExecutor getExecutor(Configuration configuration) {
        return jobGraph -> CompletableFuture.completedFuture(run(configuration, jobGraph));
    }

    private static JobClient run(Configuration configuration, JobGraph jobGraph) {
        Configuration conf = new Configuration(configuration);
        int slots = Math.max(conf.get(MiniCluster.NUM_SLOTS), jobGraph.largestParallelism());
        conf.set(MiniCluster.NUM_SLOTS, slots);
        MiniCluster cluster = MiniCluster.start(conf);
        MiniClusterJobClient client = (MiniClusterJobClient) cluster.submitJob(jobGraph);
        CompletableFuture<JobExecutionResult> afterClose = new CompletableFuture<>();
        client.getJobExecutionResult().whenComplete((result, failure) -> {
            Thread closer = new Thread(() -> closeAndComplete(cluster, afterClose, result, failure),
                    "runnel-minicluster-shutdown");
            closer.start();
        });
        return client.withResult(afterClose);
    }

    private static void closeAndComplete(MiniCluster cluster, CompletableFuture<JobExecutionResult> target,
                                         JobExecutionResult result, Throwable failure) {
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while shutting down the local cluster", e);
        }
        if (failure != null) {
            target.completeExceptionally(failure instanceof java.util.concurrent.CompletionException
                    && failure.getCause() != null ? failure.getCause() : failure);
        } else {
            target.complete(result);
        }
    }
}
