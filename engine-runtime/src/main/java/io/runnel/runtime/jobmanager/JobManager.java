package io.runnel.runtime.jobmanager;

import io.runnel.api.common.JobId;
import io.runnel.graph.JobGraph;
import io.runnel.runtime.rpc.TaskManagerGateway;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts jobs and runs a {@link JobMaster} for each, all on one main thread.
 *
 * <p><b>Threading:</b> {@link #submitJob} from any thread; job work runs on the main thread.
 *
 * <p><b>Lifecycle:</b> usable on construction; {@link #close()} cancels running jobs and stops the main thread.
 */
public final class JobManager implements AutoCloseable {

    private final MainThreadExecutor mainThread = new MainThreadExecutor("runnel-jobmanager");
    private final List<TaskManagerGateway> taskManagers;
    private final Map<JobId, JobMaster> jobs = new ConcurrentHashMap<>();

    /** @param taskManagers the TaskManagers to deploy to */
    public JobManager(List<TaskManagerGateway> taskManagers) {
        this.taskManagers = List.copyOf(taskManagers);
    }

    /**
     * Starts a job.
     *
     * @param jobGraph the job
     * @param userClassLoader the class loader of the job's code
     * @return a future of the job's master, completed once deployment began
     */
    public CompletableFuture<JobMaster> submitJob(JobGraph jobGraph, ClassLoader userClassLoader) {
        return mainThread.supply(() -> {
            JobMaster master = new JobMaster(jobGraph, userClassLoader, taskManagers, mainThread);
            jobs.put(jobGraph.jobId(), master);
            master.start();
            return master;
        });
    }

    /** @return the master of a submitted job, or null */
    public JobMaster getJob(JobId jobId) {
        return jobs.get(jobId);
    }

    /** Cancels every job still running and stops the main thread. */
    @Override
    public void close() throws InterruptedException {
        for (JobMaster m : jobs.values()) {
            m.cancel();
        }
        mainThread.close();
    }
}
