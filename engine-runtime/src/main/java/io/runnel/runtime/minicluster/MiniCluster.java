package io.runnel.runtime.minicluster;

import io.runnel.api.common.ConfigOption;
import io.runnel.api.common.Configuration;
import io.runnel.api.environment.JobClient;
import io.runnel.graph.JobGraph;
import io.runnel.runtime.jobmanager.JobManager;
import io.runnel.runtime.jobmanager.JobMaster;
import io.runnel.runtime.network.ResultPartitionManager;
import io.runnel.runtime.rpc.TaskManagerGateway;
import io.runnel.runtime.taskmanager.TaskManager;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole Runnel cluster in this JVM: one JobManager and TaskManagers whose gateways are direct calls. This is
 * what {@code StreamExecutionEnvironment.execute()} runs jobs on by default, and what tests use to run several
 * jobs on one cluster.
 *
 * <pre>{@code
 * try (MiniCluster cluster = MiniCluster.start(new Configuration())) {
 *     JobClient client = cluster.submitJob(env.getJobGraph("job"));
 *     client.getJobExecutionResult().get();
 * }
 * }</pre>
 *
 * <p><b>Threading:</b> thread-safe.
 *
 * <p><b>Lifecycle:</b> {@link #start} creates and starts it; {@link #close()} cancels running jobs and ends every
 * thread the cluster started (task threads, timer threads, the JobManager's main thread).
 */
public final class MiniCluster implements AutoCloseable {

    /** Slots per TaskManager; default: the number of available processors. */
    public static final ConfigOption<Integer> NUM_SLOTS = ConfigOption.of("taskmanager.numberOfTaskSlots",
            Integer.class, Runtime.getRuntime().availableProcessors(), "Task slots per TaskManager.");

    /** Number of TaskManagers. */
    public static final ConfigOption<Integer> NUM_TASK_MANAGERS = ConfigOption.of("minicluster.taskmanagers",
            Integer.class, 1, "Number of TaskManagers of the embedded cluster.");

    private final JobManager jobManager;
    private final List<TaskManager> taskManagers;

    private MiniCluster(JobManager jobManager, List<TaskManager> taskManagers) {
        this.jobManager = jobManager;
        this.taskManagers = taskManagers;
    }

    /**
     * Starts a cluster.
     *
     * @throws IllegalArgumentException if a config value is invalid (the message names the key)
     */
    public static MiniCluster start(Configuration configuration) {
        int slots = configuration.get(NUM_SLOTS);
        int count = configuration.get(NUM_TASK_MANAGERS);
        if (slots < 1 || count < 1) {
            throw new IllegalArgumentException("Config keys '" + NUM_SLOTS.key() + "' and '"
                    + NUM_TASK_MANAGERS.key() + "' must be at least 1, got " + slots + " and " + count);
        }
        List<TaskManager> tms = new ArrayList<>();
        ResultPartitionManager partitions = new ResultPartitionManager();
        for (int i = 0; i < count; i++) {
            tms.add(new TaskManager("tm-" + i, slots, configuration, partitions));
        }
        return new MiniCluster(new JobManager(new ArrayList<TaskManagerGateway>(tms)), tms);
    }

    /**
     * Submits a job; its code is loaded through the calling thread's context class loader.
     *
     * @return the job's client
     */
    public JobClient submitJob(JobGraph jobGraph) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        JobMaster master = jobManager.submitJob(jobGraph, cl != null ? cl : getClass().getClassLoader()).join();
        return new MiniClusterJobClient(jobGraph, master);
    }

    /** @return the TaskManagers, for tests that inspect the data plane */
    public List<TaskManager> getTaskManagers() {
        return taskManagers;
    }

    /** Cancels running jobs, waits for every task thread, then stops the JobManager. */
    @Override
    public void close() throws InterruptedException {
        for (TaskManager tm : taskManagers) {
            tm.close();
        }
        jobManager.close();
    }
}
