package io.runnel.runtime.jobmanager;

import io.runnel.annotation.MainThread;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobStatus;
import io.runnel.api.common.JobStatusChange;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.graph.JobGraph;
import io.runnel.graph.JobVertex;
import io.runnel.graph.OperatorSpec;
import io.runnel.runtime.checkpoint.CheckpointCoordinator;
import io.runnel.runtime.checkpoint.CheckpointRestorer;
import io.runnel.runtime.checkpoint.CheckpointStatsTracker;
import io.runnel.runtime.checkpoint.CheckpointStorageLocations;
import io.runnel.runtime.checkpoint.CheckpointTrigger;
import io.runnel.runtime.checkpoint.CompletedCheckpoint;
import io.runnel.runtime.checkpoint.OperatorIds;
import io.runnel.runtime.checkpoint.OperatorState;
import io.runnel.runtime.checkpoint.StateAssignment;
import io.runnel.runtime.checkpoint.TaskStateSnapshot;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.runtime.executiongraph.ExecutionGraph;
import io.runnel.runtime.executiongraph.ExecutionState;
import io.runnel.runtime.executiongraph.TaskExecutionState;
import io.runnel.runtime.rpc.JobMasterGateway;
import io.runnel.runtime.rpc.TaskManagerGateway;
import io.runnel.runtime.source.OperatorEvent;
import io.runnel.runtime.taskmanager.TaskDeploymentDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job in the JobManager: deploys its subtasks into TaskManager slots, runs the source coordinators and
 * the {@link CheckpointCoordinator}, and follows the subtasks' reports to the job's end. A failed subtask makes
 * it cancel the others and ask the {@link RestartStrategy}: either the job restarts (every subtask deployed
 * again from the latest completed checkpoint, sources rewound) or it FAILS with the failure as its cause.
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
    private final RestartStrategy restartStrategy;
    private final CheckpointCoordinator checkpointCoordinator;
    private final Map<ExecutionAttemptId, TaskManagerGateway> placement = new HashMap<>();
    private final Map<Integer, SourceCoordinator<SourceSplit>> coordinators = new HashMap<>();
    private final CompletableFuture<JobResult> resultFuture = new CompletableFuture<>();
    private final List<Long> recoveryNanos = new CopyOnWriteArrayList<>();
    /** The status history once the job ended (the main thread may be gone by the time a client asks). */
    private volatile List<JobStatusChange> finalHistory;
    /** The checkpoint or savepoint the job started from, or null. */
    private CompletedCheckpoint initialRestore;
    private boolean restartPending;
    /** nanoTime when the failure being recovered from was seen; 0 when not recovering. */
    private long failureNanoTime;
    private long startMillis;

    JobMaster(JobGraph jobGraph, ClassLoader userClassLoader, List<TaskManagerGateway> taskManagers,
              MainThreadExecutor mainThread) {
        this.jobGraph = jobGraph;
        this.userClassLoader = userClassLoader;
        this.taskManagers = taskManagers;
        this.mainThread = mainThread;
        this.executionGraph = new ExecutionGraph(jobGraph);
        this.restartStrategy = RestartStrategy.fromConfiguration(jobGraph.configuration());
        Path root = CheckpointStorageLocations.jobCheckpointRoot(jobGraph.configuration(), jobGraph.jobId());
        this.checkpointCoordinator = new CheckpointCoordinator(jobGraph.name(), jobGraph.jobId(),
                jobGraph.configuration(), root, new JobCheckpointContext(this), mainThread);
    }

    /** Restores the initial savepoint if one is configured, starts the coordinators and deploys every subtask. */
    @MainThread
    void start() {
        mainThread.assertRunningInMainThread();
        startMillis = System.currentTimeMillis();
        executionGraph.transitionTo(JobStatus.RUNNING);
        LOG.info("Job '{}' ({}) starting: {} vertices, restart strategy {}", jobGraph.name(), jobGraph.jobId(),
                jobGraph.vertices().size(), restartStrategy.describe());
        if (!jobGraph.configuration().get(CheckpointingOptions.INTERVAL).isZero()) {
            LOG.info("Job '{}' checkpoints every {} ms into {}", jobGraph.name(),
                    jobGraph.configuration().get(CheckpointingOptions.INTERVAL).toMillis(),
                    CheckpointStorageLocations.jobCheckpointRoot(jobGraph.configuration(), jobGraph.jobId()));
        }
        try {
            checkSlots();
            initialRestore = resolveInitialRestore();
            deployAttempt(initialRestore);
        } catch (Exception e) {
            // A job that cannot start (no slots, an unreadable savepoint) does not restart.
            restartPending = false;
            executionGraph.recordFailure(e);
            executionGraph.transitionTo(JobStatus.FAILING, e);
            checkTermination();
        }
    }

    private CompletedCheckpoint resolveInitialRestore() throws Exception {
        String path = jobGraph.configuration().get(CheckpointingOptions.SAVEPOINT_PATH);
        if (path == null) {
            return null;
        }
        CompletedCheckpoint restore = CheckpointRestorer.resolve(path);
        StateAssignment.check(restore, jobGraph,
                jobGraph.configuration().get(CheckpointingOptions.ALLOW_NON_RESTORED_STATE));
        checkpointCoordinator.setNextCheckpointIdAfter(restore.checkpointId());
        checkpointCoordinator.pinRestoredCheckpoint(restore);
        LOG.info("Job '{}' starts from {} {} ({} bytes)", jobGraph.name(), restore.savepoint() ? "savepoint"
                : "checkpoint", restore.directory(), restore.stateSize());
        return restore;
    }

    private void checkSlots() {
        int slots = taskManagers.stream().mapToInt(TaskManagerGateway::getNumberOfSlots).sum();
        if (slots < jobGraph.largestParallelism()) {
            throw new IllegalStateException("Job '" + jobGraph.name() + "' needs " + jobGraph.largestParallelism()
                    + " slots (its largest parallelism) but the cluster has " + slots);
        }
    }

    /** Starts the source coordinators and deploys every subtask of a new execution attempt. */
    private void deployAttempt(CompletedCheckpoint restore) throws Exception {
        startCoordinators(restore);
        long failure = failureNanoTime;
        for (ExecutionAttemptId id : executionGraph.createAttempts()) {
            int slot = id.subtaskIndex();
            TaskManagerGateway tm = taskManagerForSlot(slot);
            placement.put(id, tm);
            JobVertex vertex = jobGraph.vertex(id.vertexId());
            TaskDeploymentDescriptor tdd = new TaskDeploymentDescriptor(id, jobGraph, slot, userClassLoader,
                    restore == null ? null : StateAssignment.forSubtask(restore, vertex, id.subtaskIndex()), failure);
            tm.submitTask(tdd, this).whenComplete((ok, err) -> {
                if (err != null) {
                    mainThread.execute(() -> onTaskState(new TaskExecutionState(id, ExecutionState.FAILED, err,
                            Map.of())));
                }
            });
        }
        checkpointCoordinator.startScheduler();
    }

    @SuppressWarnings("unchecked")
    private void startCoordinators(CompletedCheckpoint restore) throws Exception {
        closeCoordinators();
        for (JobVertex v : jobGraph.vertices()) {
            if (!v.isSource()) {
                continue;
            }
            OperatorSpec spec = v.operators().get(0).spec().deserialize(userClassLoader);
            OperatorSpec.SourceSpec source = (OperatorSpec.SourceSpec) spec;
            SourceCoordinator<SourceSplit> c = new SourceCoordinator<>(
                    (io.runnel.api.connector.source.Source<?, SourceSplit, ?>) source.source(), v.parallelism(),
                    (subtask, event) -> sendToSubtask(v.id(), subtask, event), mainThread,
                    "runnel-source-coordinator-" + v.name() + "-" + jobGraph.jobId());
            coordinators.put(v.id(), c);
            OperatorState state = restore == null ? null
                    : restore.operators().get(OperatorIds.of(v.operators().get(0)));
            c.start(state == null ? null : state.coordinatorState(), userClassLoader);
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
            if (c == null || executionGraph.getStatus() != JobStatus.RUNNING
                    || attemptId.attemptNumber() != executionGraph.getAttemptNumber()) {
                return;
            }
            try {
                c.handleEvent(attemptId.subtaskIndex(), event);
            } catch (RuntimeException e) {
                failJob(e);
            }
        });
    }

    @Override
    public void acknowledgeCheckpoint(ExecutionAttemptId attemptId, long checkpointId, TaskStateSnapshot state) {
        mainThread.execute(() -> checkpointCoordinator.acknowledge(attemptId, checkpointId, state));
    }

    @Override
    public void declineCheckpoint(ExecutionAttemptId attemptId, long checkpointId, Throwable cause) {
        mainThread.execute(() -> checkpointCoordinator.decline(attemptId, checkpointId, cause));
    }

    @Override
    public void requestFinalCheckpoint(ExecutionAttemptId attemptId) {
        mainThread.execute(checkpointCoordinator::triggerSoon);
    }

    @Override
    public void reportFirstRecordAfterRestore(ExecutionAttemptId attemptId, long nanoTime) {
        mainThread.execute(() -> {
            if (failureNanoTime == 0 || attemptId.attemptNumber() != executionGraph.getAttemptNumber()) {
                return;
            }
            long nanos = nanoTime - failureNanoTime;
            failureNanoTime = 0;
            recoveryNanos.add(nanos);
            LOG.info("Job '{}' recovered: the first record after the restore came {} ms after the failure",
                    jobGraph.name(), String.format("%.1f", nanos / 1e6));
        });
    }

    @MainThread
    private void onTaskState(TaskExecutionState report) {
        if (!executionGraph.update(report)) {
            return;
        }
        if (report.state() == ExecutionState.FINISHED) {
            checkpointCoordinator.taskFinished(report.attemptId());
        } else if (report.state() == ExecutionState.FAILED) {
            failJob(report.failure());
            return;
        } else if (report.state() == ExecutionState.CANCELED && executionGraph.getStatus() == JobStatus.RUNNING) {
            failJob(new IllegalStateException("Task " + report.attemptId() + " was cancelled although the job "
                    + "was running (its TaskManager shut down?)"));
            return;
        }
        checkTermination();
    }

    /** A task failed (or the job must fail): cancel every task, then restart or fail. */
    @MainThread
    void failJob(Throwable cause) {
        if (executionGraph.getStatus() == JobStatus.RUNNING) {
            executionGraph.recordFailure(cause);
            failureNanoTime = System.nanoTime();
            restartPending = restartStrategy.onFailure(System.currentTimeMillis());
            LOG.warn("Job '{}' is failing ({}): {}", jobGraph.name(), restartPending ? "will restart"
                    : "no restart left", String.valueOf(cause));
            executionGraph.transitionTo(JobStatus.FAILING, cause);
            checkpointCoordinator.stopScheduler();
            checkpointCoordinator.abortAll(cause);
            cancelAllTasks();
        }
        checkTermination();
    }

    /** Cancels the job; the result future then completes with CANCELED. */
    public void cancel() {
        mainThread.execute(() -> {
            JobStatus status = executionGraph.getStatus();
            if (status == JobStatus.RUNNING || status == JobStatus.FAILING || status == JobStatus.RESTARTING) {
                executionGraph.transitionTo(JobStatus.CANCELLING);
                checkpointCoordinator.stopScheduler();
                checkpointCoordinator.abortAll(new IllegalStateException("job cancelled"));
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
        } else if (status == JobStatus.FAILING && restartPending) {
            scheduleRestart();
            return;
        } else if (status == JobStatus.FAILING) {
            executionGraph.transitionTo(JobStatus.FAILED, executionGraph.getFailureCause());
            result = new JobResult(JobStatus.FAILED, null, executionGraph.getFailureCause());
        } else if (status == JobStatus.CANCELLING) {
            executionGraph.transitionTo(JobStatus.CANCELED);
            result = new JobResult(JobStatus.CANCELED, null, null);
        } else {
            return;
        }
        LOG.info("Job '{}' ({}) {}", jobGraph.name(), jobGraph.jobId(), result.status());
        checkpointCoordinator.stopScheduler();
        checkpointCoordinator.abortAll(new IllegalStateException("job " + result.status()));
        if (result.status() == JobStatus.FINISHED) {
            checkpointCoordinator.discardRetained();
        }
        closeCoordinators();
        taskManagers.forEach(tm -> tm.releaseJob(jobGraph.jobId()));
        finalHistory = executionGraph.history();
        resultFuture.complete(result);
    }

    /** Every task of the failed attempt has ended: wait the strategy's delay, then deploy a new attempt. */
    private void scheduleRestart() {
        restartPending = false;
        Throwable cause = executionGraph.getFailureCause();
        executionGraph.transitionTo(JobStatus.RESTARTING, cause);
        closeCoordinators();
        placement.clear();
        taskManagers.forEach(tm -> tm.releaseJob(jobGraph.jobId()));
        long delay = restartStrategy.restartDelayMillis();
        Runnable restart = () -> {
            if (executionGraph.getStatus() != JobStatus.RESTARTING) {
                // Cancelled while waiting.
                checkTermination();
                return;
            }
            restart();
        };
        if (delay <= 0) {
            restart.run();
        } else {
            mainThread.schedule(restart, delay);
        }
    }

    private void restart() {
        executionGraph.startNewAttempt();
        executionGraph.transitionTo(JobStatus.RUNNING);
        CompletedCheckpoint restore = latestReadableCheckpoint();
        LOG.info("Job '{}' restarts (attempt {}) from {}", jobGraph.name(), executionGraph.getAttemptNumber(),
                restore == null ? "the beginning" : "checkpoint " + restore.checkpointId());
        try {
            deployAttempt(restore);
        } catch (Exception e) {
            failJob(e);
        }
    }

    /** @return the newest retained checkpoint whose metadata still reads, else the initial savepoint, else null */
    private CompletedCheckpoint latestReadableCheckpoint() {
        CompletedCheckpoint latest = checkpointCoordinator.latestCompleted();
        while (latest != null && !CheckpointRestorer.isReadable(latest)) {
            LOG.warn("Falling back from corrupt checkpoint {} to the one before it", latest.checkpointId());
            checkpointCoordinator.removeCorrupt(latest);
            latest = checkpointCoordinator.latestCompleted();
        }
        return latest != null ? latest : initialRestore;
    }

    private void closeCoordinators() {
        for (SourceCoordinator<SourceSplit> c : coordinators.values()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing a split enumerator of job '{}' failed", jobGraph.name(), e);
            }
        }
        coordinators.clear();
    }

    /**
     * Takes a savepoint; with {@code terminate} the job then stops (FINISHED).
     *
     * @param directory the parent directory, or null for {@code state.savepoints.dir}
     * @param terminate stop the job after the savepoint
     * @param drain with {@code terminate}, fire all event-time windows and timers first
     * @return a future of the savepoint directory; for a stop, completed once the job finished
     */
    public CompletableFuture<String> triggerSavepoint(String directory, boolean terminate, boolean drain) {
        CompletableFuture<String> result = new CompletableFuture<>();
        mainThread.execute(() -> {
            String dir = directory != null ? directory
                    : jobGraph.configuration().get(CheckpointingOptions.SAVEPOINT_DIRECTORY);
            if (dir == null) {
                result.completeExceptionally(new IllegalArgumentException("No savepoint directory: pass one, or set "
                        + CheckpointingOptions.SAVEPOINT_DIRECTORY.key()));
                return;
            }
            warnAboutGeneratedUids();
            Path parent = CheckpointStorageLocations.toPath(dir, "savepoint directory");
            if (terminate) {
                checkpointCoordinator.stopScheduler();
            }
            checkpointCoordinator.trigger(terminate ? CheckpointTrigger.stopWithSavepoint(parent, drain)
                    : CheckpointTrigger.savepoint(parent)).whenComplete((completed, err) -> {
                        if (err != null) {
                            if (terminate) {
                                mainThread.execute(checkpointCoordinator::startScheduler);
                            }
                            result.completeExceptionally(err);
                        } else if (terminate) {
                            if (drain) {
                                // The drained tasks finish and wait for their final checkpoint; periodic
                                // triggers retry it should the one they ask for fail.
                                mainThread.execute(checkpointCoordinator::startScheduler);
                            }
                            resultFuture.whenComplete((r, e) -> result.complete(completed.directory().toString()));
                        } else {
                            result.complete(completed.directory().toString());
                        }
                    });
        });
        return result;
    }

    private void warnAboutGeneratedUids() {
        List<String> generated = new ArrayList<>();
        for (JobVertex v : jobGraph.vertices()) {
            v.operators().stream().filter(OperatorIds::isGenerated).forEach(op -> generated.add(op.name()));
        }
        if (!generated.isEmpty()) {
            LOG.warn("Job '{}': operators {} have no uid; their state in this savepoint is matched by a generated id "
                    + "that changes when the job's graph changes. Set uid(...) on stateful operators.",
                    jobGraph.name(), generated);
        }
    }

    /** @return a future of the job's status, read on the main thread */
    public CompletableFuture<JobStatus> getStatus() {
        return mainThread.supply(executionGraph::getStatus);
    }

    /** @return a future of the statuses the job went through */
    public CompletableFuture<List<JobStatusChange>> getStatusHistory() {
        List<JobStatusChange> done = finalHistory;
        return done != null ? CompletableFuture.completedFuture(done) : mainThread.supply(executionGraph::history);
    }

    /** @return the future of how the job ended */
    public CompletableFuture<JobResult> getResultFuture() {
        return resultFuture;
    }

    /** @return the job's checkpoint statistics */
    public CheckpointStatsTracker checkpointStats() {
        return checkpointCoordinator.stats();
    }

    /** @return a future of the measured recoveries: ns from a failure to the first record after the restore */
    public CompletableFuture<List<Long>> recoveryTimesNanos() {
        return CompletableFuture.completedFuture(List.copyOf(recoveryNanos));
    }

    /** @return the job graph */
    JobGraph jobGraph() {
        return jobGraph;
    }

    /** @return the execution graph (main thread) */
    ExecutionGraph executionGraph() {
        return executionGraph;
    }

    /** @return where each attempt runs (main thread) */
    Map<ExecutionAttemptId, TaskManagerGateway> placement() {
        return placement;
    }

    /** @return the source coordinators by vertex id (main thread) */
    Map<Integer, SourceCoordinator<SourceSplit>> coordinators() {
        return coordinators;
    }
}
