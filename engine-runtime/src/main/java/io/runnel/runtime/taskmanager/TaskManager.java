package io.runnel.runtime.taskmanager;

import io.runnel.api.common.Accumulator;
import io.runnel.api.common.ConfigOption;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobId;
import io.runnel.graph.JobEdge;
import io.runnel.graph.JobGraph;
import io.runnel.graph.JobVertex;
import io.runnel.runtime.checkpoint.TaskStateSnapshot;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.runtime.network.BufferPool;
import io.runnel.runtime.network.InputGate;
import io.runnel.runtime.network.ResultPartition;
import io.runnel.runtime.network.ResultPartitionId;
import io.runnel.runtime.network.ResultPartitionManager;
import io.runnel.runtime.operators.TaskInfo;
import io.runnel.runtime.rpc.JobMasterGateway;
import io.runnel.runtime.rpc.TaskManagerGateway;
import io.runnel.runtime.source.OperatorEvent;
import io.runnel.runtime.tasks.CheckpointResponder;
import io.runnel.runtime.tasks.TaskEnvironment;
import io.runnel.runtime.tasks.mailbox.TaskMailboxImpl;
import io.runnel.streamrecord.CheckpointBarrier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs subtasks in slots and holds the data plane they share: the result partition registry and a timer thread.
 * Implements {@link TaskManagerGateway} directly, which is how the embedded cluster's JobManager calls it.
 *
 * <p><b>Threading:</b> gateway methods are thread-safe (tasks in a concurrent map); each task runs on its own
 * thread; the timer thread only enqueues mails.
 *
 * <p><b>Lifecycle:</b> usable on construction; {@link #close()} cancels every task, waits for their threads and
 * stops the timer thread.
 */
public final class TaskManager implements TaskManagerGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManager.class);

    /** Size of a network buffer. */
    public static final ConfigOption<Long> BUFFER_SIZE = ConfigOption.of("taskmanager.network.buffer-size",
            Long.class, 32L * 1024, "Size of a network buffer in bytes (e.g. 32kb).");

    /** Buffers per outgoing subpartition. */
    public static final ConfigOption<Integer> BUFFERS_PER_CHANNEL = ConfigOption.of(
            "taskmanager.network.buffers-per-channel", Integer.class, 2,
            "Network buffers per outgoing channel of a task.");

    /** Extra buffers per result partition, shared by its subpartitions. */
    public static final ConfigOption<Integer> FLOATING_BUFFERS = ConfigOption.of(
            "taskmanager.network.floating-buffers-per-partition", Integer.class, 8,
            "Extra network buffers per result partition, shared by its channels.");

    private final int numberOfSlots;
    private final Configuration configuration;
    private final ResultPartitionManager partitionManager;
    private final ScheduledExecutorService timerService;
    private final Map<ExecutionAttemptId, Task> tasks = new ConcurrentHashMap<>();
    /** Writes the asynchronous part of snapshots; its threads only touch immutable snapshot copies and files. */
    private final ExecutorService asyncSnapshots;

    /**
     * @param name the TaskManager's name, used in thread names
     * @param numberOfSlots how many subtasks of one job vertex it can run (slot sharing across vertices)
     * @param configuration network options
     * @param partitionManager where its tasks register and find result partitions; TaskManagers in one JVM share
     *     one, so that their tasks exchange buffers directly (the network stack connects TaskManagers in
     *     different processes)
     */
    public TaskManager(String name, int numberOfSlots, Configuration configuration,
                       ResultPartitionManager partitionManager) {
        this.numberOfSlots = numberOfSlots;
        this.configuration = configuration;
        this.partitionManager = partitionManager;
        this.timerService = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "runnel-timer-" + name);
            t.setDaemon(true);
            return t;
        });
        AtomicInteger asyncThreads = new AtomicInteger();
        this.asyncSnapshots = Executors.newFixedThreadPool(Math.max(1, Math.min(4, numberOfSlots)), r -> {
            Thread t = new Thread(r, "runnel-async-snapshot-" + name + "-" + asyncThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int getNumberOfSlots() {
        return numberOfSlots;
    }

    /** @return the partition registry (for tests and the network stack) */
    public ResultPartitionManager getPartitionManager() {
        return partitionManager;
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, JobMasterGateway jobMaster) {
        try {
            Task task = createTask(tdd, jobMaster);
            tasks.put(tdd.attemptId(), task);
            task.start();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Task createTask(TaskDeploymentDescriptor tdd, JobMasterGateway jobMaster) {
        ExecutionAttemptId id = tdd.attemptId();
        JobGraph graph = tdd.jobGraph();
        JobVertex vertex = tdd.vertex();
        List<ResultPartition> outputs = new ArrayList<>();
        for (int edgeId : vertex.outputEdges()) {
            int consumers = graph.vertex(graph.edge(edgeId).targetVertexId()).parallelism();
            int buffers = consumers * configuration.get(BUFFERS_PER_CHANNEL) + configuration.get(FLOATING_BUFFERS);
            ResultPartition p = new ResultPartition(
                    new ResultPartitionId(id.jobId(), edgeId, id.subtaskIndex(), id.attemptNumber()), consumers,
                    new BufferPool(Math.toIntExact(configuration.get(BUFFER_SIZE)), buffers));
            partitionManager.register(p);
            outputs.add(p);
        }
        InputGate gate = null;
        if (!vertex.inputEdges().isEmpty()) {
            List<ResultPartitionId> channels = new ArrayList<>();
            for (int edgeId : vertex.inputEdges()) {
                JobEdge edge = graph.edge(edgeId);
                int producers = graph.vertex(edge.sourceVertexId()).parallelism();
                for (int i = 0; i < producers; i++) {
                    channels.add(new ResultPartitionId(id.jobId(), edgeId, i, id.attemptNumber()));
                }
            }
            gate = new InputGate(channels, id.subtaskIndex());
            gate.connect(partitionManager);
        }
        TaskInfo info = new TaskInfo(vertex.name(), id.subtaskIndex(), vertex.parallelism(),
                vertex.maxParallelism(), id.attemptNumber(), tdd.userClassLoader());
        Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
        CheckpointResponder responder = new CheckpointResponder() {
            @Override
            public void acknowledgeCheckpoint(long checkpointId, TaskStateSnapshot state) {
                jobMaster.acknowledgeCheckpoint(id, checkpointId, state);
            }

            @Override
            public void declineCheckpoint(long checkpointId, Throwable cause) {
                jobMaster.declineCheckpoint(id, checkpointId, cause);
            }

            @Override
            public void requestFinalCheckpoint() {
                jobMaster.requestFinalCheckpoint(id);
            }
        };
        TaskEnvironment env = new TaskEnvironment(info, graph, vertex, outputs, gate, new TaskMailboxImpl(),
                timerService, event -> jobMaster.sendOperatorEventToCoordinator(id, event), accumulators,
                graph.configuration(), tdd.restore(), responder, asyncSnapshots);
        return new Task(id, env, jobMaster, tdd.failureNanoTime());
    }

    @Override
    public void cancelTask(ExecutionAttemptId attemptId) {
        Task t = tasks.get(attemptId);
        if (t != null) {
            t.cancel();
        }
    }

    @Override
    public void sendOperatorEvent(ExecutionAttemptId attemptId, OperatorEvent event) {
        Task t = tasks.get(attemptId);
        if (t != null) {
            t.deliverOperatorEvent(event);
        }
    }

    @Override
    public void triggerCheckpoint(ExecutionAttemptId attemptId, CheckpointBarrier barrier, boolean terminate,
                                  boolean drain) {
        Task t = tasks.get(attemptId);
        if (t != null) {
            t.streamTask().triggerCheckpointAsync(barrier, terminate, drain);
        } else {
            // The task has gone: the JobManager learns of its end from the task's own report.
            LOG.debug("No task {} for checkpoint {}", attemptId, barrier.checkpointId());
        }
    }

    @Override
    public void notifyCheckpointComplete(ExecutionAttemptId attemptId, long checkpointId) {
        Task t = tasks.get(attemptId);
        if (t != null) {
            t.streamTask().notifyCheckpointCompleteAsync(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(ExecutionAttemptId attemptId, long checkpointId) {
        Task t = tasks.get(attemptId);
        if (t != null) {
            t.streamTask().notifyCheckpointAbortedAsync(checkpointId);
        }
    }

    @Override
    public void releaseJob(JobId jobId) {
        // Called once the JobManager saw every task of the job end, so none of them is still running.
        tasks.keySet().removeIf(id -> id.jobId().equals(jobId));
        partitionManager.releaseJob(jobId);
    }

    /** Cancels all tasks, waits up to 10 s for their threads, and stops the timer thread. */
    @Override
    public void close() throws InterruptedException {
        for (Task t : tasks.values()) {
            t.cancel();
        }
        for (Task t : tasks.values()) {
            t.awaitTermination(10_000);
        }
        tasks.clear();
        asyncSnapshots.shutdown();
        asyncSnapshots.awaitTermination(10, TimeUnit.SECONDS);
        timerService.shutdownNow();
        timerService.awaitTermination(10, TimeUnit.SECONDS);
    }
}
