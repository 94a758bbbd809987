package io.runnel.runtime.jobmanager;

import io.runnel.annotation.MainThread;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobStatus;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.graph.JobGraph;
import io.runnel.graph.JobVertex;
import io.runnel.graph.OperatorSpec;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.runtime.executiongraph.ExecutionGraph;
import io.runnel.runtime.executiongraph.ExecutionState;
import io.runnel.runtime.executiongraph.TaskExecutionState;
import io.runnel.runtime.rpc.JobMasterGateway;
import io.runnel.runtime.rpc.TaskManagerGateway;
import io.runnel.runtime.source.OperatorEvent;
import io.runnel.runtime.taskmanager.TaskDeploymentDescriptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job in the JobManager: deploys its subtasks into TaskManager slots, runs the source coordinators, and
 * follows the subtasks' reports to the job's end. A failed subtask cancels the others; the job then FAILS with
 * that first failure as its cause (restart strategies come with checkpoints).
 *
 * <p><b>Threading:</b> every state change runs on the JobManager main thread; the gateway methods only hand work
 * over to it.
 */
public final class JobMaster implements JobMasterGateway {

    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobGraph jobGraph;
    private final ClassLoader userClassLoader;
    private final List<TaskManagerGateway> taskManagers;
    private final MainThreadExecutor mainThread;
    private final ExecutionGraph executionGraph;
    private final Map<ExecutionAttemptId, TaskManagerGateway> placement = new HashMap<>();
    private final Map<Integer, SourceCoordinator<SourceSplit>> coordinators = new HashMap<>();
    private final CompletableFuture<JobResult> resultFuture = new CompletableFuture<>();
    private long startMillis;

    JobMaster(JobGraph jobGraph, ClassLoader userClassLoader, List<TaskManagerGateway> taskManagers,
              MainThreadExecutor mainThread) {
        this.jobGraph = jobGraph;
        this.userClassLoader = userClassLoader;
        this.taskManagers = taskManagers;
        this.mainThread = mainThread;
        this.executionGraph = new ExecutionGraph(jobGraph);
    }

    /** Starts the coordinators and deploys every subtask. */
    @MainThread
    void start() {
        mainThread.assertRunningInMainThread();
        startMillis = System.currentTimeMillis();
        executionGraph.transitionTo(JobStatus.RUNNING);
        LOG.info("Job '{}' ({}) starting: {} vertices", jobGraph.name(), jobGraph.jobId(), jobGraph.vertices().size());
        try {
            checkSlots();
            startCoordinators();
            deploy();
        } catch (Exception e) {
            failJob(e);
        }
    }

    private void checkSlots() {
        int slots = taskManagers.stream().mapToInt(TaskManagerGateway::getNumberOfSlots).sum();
        if (slots < jobGraph.largestParallelism()) {
            throw new IllegalStateException("Job '" + jobGraph.name() + "' needs " + jobGraph.largestParallelism()
                    + " slots (its largest parallelism) but the cluster has " + slots);
        }
    }

    @SuppressWarnings("unchecked")
    private void startCoordinators() throws Exception {
        for (JobVertex v : jobGraph.vertices()) {
            if (!v.isSource()) {
                continue;
            }
            OperatorSpec spec = v.operators().get(0).spec().deserialize(userClassLoader);
            OperatorSpec.SourceSpec source = (OperatorSpec.SourceSpec) spec;
            SourceCoordinator<SourceSplit> c = new SourceCoordinator<>(
                    (io.runnel.api.connector.source.Source<?, SourceSplit, ?>) source.source(), v.parallelism(),
                    (subtask, event) -> sendToSubtask(v.id(), subtask, event));
            coordinators.put(v.id(), c);
            c.start();
        }
    }

    private void deploy() {
        List<ExecutionAttemptId> attempts = executionGraph.createAttempts();
        for (ExecutionAttemptId id : attempts) {
            int slot = id.subtaskIndex();
            TaskManagerGateway tm = taskManagerForSlot(slot);
            placement.put(id, tm);
            tm.submitTask(new TaskDeploymentDescriptor(id, jobGraph, slot, userClassLoader), this)
                    .whenComplete((ok, err) -> {
                        if (err != null) {
                            mainThread.execute(() -> onTaskState(new TaskExecutionState(id, ExecutionState.FAILED,
                                    err, Map.of())));
                        }
                    });
        }
    }

    /** Slot sharing: subtask i of every vertex goes to global slot i. */
    private TaskManagerGateway taskManagerForSlot(int slot) {
        int remaining = slot;
        for (TaskManagerGateway tm : taskManagers) {
            if (remaining < tm.getNumberOfSlots()) {
                return tm;
            }
            remaining -= tm.getNumberOfSlots();
        }
        throw new IllegalStateException("no slot " + slot);
    }

    private void sendToSubtask(int vertexId, int subtask, OperatorEvent event) {
        ExecutionAttemptId id = new ExecutionAttemptId(jobGraph.jobId(), vertexId, subtask,
                executionGraph.getAttemptNumber());
        TaskManagerGateway tm = placement.get(id);
        if (tm != null) {
            tm.sendOperatorEvent(id, event);
        }
    }

    @Override
    public void updateTaskExecutionState(TaskExecutionState state) {
        mainThread.execute(() -> {
            try {
                onTaskState(state);
            } catch (RuntimeException e) {
                // E.g. accumulators of one name but different types: fail the job rather than leave it hanging.
                failJob(e);
            }
        });
    }

    @Override
    public void sendOperatorEventToCoordinator(ExecutionAttemptId attemptId, OperatorEvent event) {
        mainThread.execute(() -> {
            SourceCoordinator<SourceSplit> c = coordinators.get(attemptId.vertexId());
            if (c == null || executionGraph.getStatus() != JobStatus.RUNNING) {
                return;
            }
            try {
                c.handleEvent(attemptId.subtaskIndex(), event);
            } catch (RuntimeException e) {
                failJob(e);
            }
        });
    }

    @MainThread
    private void onTaskState(TaskExecutionState report) {
        if (!executionGraph.update(report)) {
            return;
        }
        if (report.state() == ExecutionState.FAILED) {
            failJob(report.failure());
            return;
        }
        if (report.state() == ExecutionState.CANCELED && executionGraph.getStatus() == JobStatus.RUNNING) {
            failJob(new IllegalStateException("Task " + report.attemptId() + " was cancelled although the job "
                    + "was running (its TaskManager shut down?)"));
            return;
        }
        checkTermination();
    }

    @MainThread
    private void failJob(Throwable cause) {
        executionGraph.recordFailure(cause);
        if (executionGraph.getStatus() == JobStatus.RUNNING) {
            LOG.warn("Job '{}' is failing: {}", jobGraph.name(), String.valueOf(cause));
            executionGraph.transitionTo(JobStatus.FAILING);
            cancelAllTasks();
        }
        checkTermination();
    }

    /** Cancels the job; the result future then completes with CANCELED. */
    public void cancel() {
        mainThread.execute(() -> {
            if (executionGraph.getStatus() == JobStatus.RUNNING || executionGraph.getStatus() == JobStatus.FAILING) {
                executionGraph.transitionTo(JobStatus.CANCELLING);
                cancelAllTasks();
            }
            checkTermination();
        });
    }

    private void cancelAllTasks() {
        for (ExecutionAttemptId id : executionGraph.nonTerminalAttempts()) {
            TaskManagerGateway tm = placement.get(id);
            if (tm != null) {
                tm.cancelTask(id);
            }
        }
    }

    @MainThread
    private void checkTermination() {
        if (!executionGraph.allTerminal() || resultFuture.isDone()) {
            return;
        }
        JobStatus status = executionGraph.getStatus();
        JobResult result;
        if (status == JobStatus.RUNNING && executionGraph.allFinished()) {
            executionGraph.transitionTo(JobStatus.FINISHED);
            Duration runtime = Duration.ofMillis(System.currentTimeMillis() - startMillis);
            result = new JobResult(JobStatus.FINISHED, new JobExecutionResult(jobGraph.jobId(), runtime,
                    executionGraph.accumulatorResults()), null);
        } else if (status == JobStatus.FAILING) {
            executionGraph.transitionTo(JobStatus.FAILED);
            result = new JobResult(JobStatus.FAILED, null, executionGraph.getFailureCause());
        } else if (status == JobStatus.CANCELLING) {
            executionGraph.transitionTo(JobStatus.CANCELED);
            result = new JobResult(JobStatus.CANCELED, null, null);
        } else {
            return;
        }
        LOG.info("Job '{}' ({}) {}", jobGraph.name(), jobGraph.jobId(), result.status());
        closeCoordinators();
        taskManagers.forEach(tm -> tm.releaseJob(jobGraph.jobId()));
        resultFuture.complete(result);
    }

    private void closeCoordinators() {
        for (SourceCoordinator<SourceSplit> c : coordinators.values()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing a split enumerator of job '{}' failed", jobGraph.name(), e);
            }
        }
    }

    /** @return a future of the job's status, read on the main thread */
    public CompletableFuture<JobStatus> getStatus() {
        return mainThread.supply(executionGraph::getStatus);
    }

    /** @return the future of how the job ended */
    public CompletableFuture<JobResult> getResultFuture() {
        return resultFuture;
    }
}
