package io.runnel.runtime.checkpoint;

import io.runnel.annotation.MainThread;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobId;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.runtime.jobmanager.MainThreadExecutor;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import io.runnel.streamrecord.CheckpointBarrier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers checkpoints and savepoints at the sources, collects the subtasks' acknowledgements, and completes a
 * checkpoint once every subtask acknowledged and its metadata file is written; then tells every subtask.
 * Aborts a checkpoint on a decline or a timeout, and fails the job after more consecutive failures than
 * tolerated. After Flink's {@code CheckpointCoordinator} and the asynchronous barrier snapshotting of Carbone et
 * al. (2015).
 *
 * <p><b>Threading:</b> JobManager main thread only; periodic triggers and timeouts are scheduled onto it.
 *
 * <p><b>Lifecycle:</b> {@link #startScheduler()} when the job runs, {@link #stopScheduler()} and
 * {@link #abortAll} when it fails over or ends; the coordinator itself lives as long as the job (so checkpoint ids
 * keep increasing across restarts).
 */
public final class CheckpointCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    private final String jobName;
    private final JobId jobId;
    private final CheckpointCoordinatorContext context;
    private final MainThreadExecutor mainThread;
    private final Path jobRoot;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final long minPauseMillis;
    private final int maxConcurrent;
    private final int tolerableFailures;
    private final SharedStateRegistry sharedState = new SharedStateRegistry();
    private final CompletedCheckpointStore store;
    private final CheckpointStatsTracker stats = new CheckpointStatsTracker();
    private final Map<Long, PendingCheckpoint> pending = new TreeMap<>();
    private long nextCheckpointId = 1;
    private long lastCompletionMillis;
    /** A finished task asked for a checkpoint while another was pending: trigger one when none is. */
    private boolean triggerWhenIdle;
    private int consecutiveFailures;
    private ScheduledFuture<?> periodic;

    /**
     * @param jobName for log messages
     * @param jobId names savepoint directories
     * @param configuration the job's configuration (the {@link CheckpointingOptions} keys)
     * @param jobRoot the job's checkpoint directory
     * @param context the job's tasks
     * @param mainThread the JobManager's main thread
     */
    public CheckpointCoordinator(String jobName, JobId jobId, Configuration configuration, Path jobRoot,
                                 CheckpointCoordinatorContext context, MainThreadExecutor mainThread) {
        this.jobName = jobName;
        this.jobId = jobId;
        this.context = context;
        this.mainThread = mainThread;
        this.jobRoot = jobRoot;
        this.intervalMillis = configuration.get(CheckpointingOptions.INTERVAL).toMillis();
        this.timeoutMillis = configuration.get(CheckpointingOptions.TIMEOUT).toMillis();
        this.minPauseMillis = configuration.get(CheckpointingOptions.MIN_PAUSE).toMillis();
        this.maxConcurrent = Math.max(1, configuration.get(CheckpointingOptions.MAX_CONCURRENT));
        this.tolerableFailures = configuration.get(CheckpointingOptions.TOLERABLE_FAILURES);
        this.store = new CompletedCheckpointStore(configuration.get(CheckpointingOptions.NUM_RETAINED), sharedState);
    }

    /** Starts periodic checkpoints, if an interval is configured. */
    @MainThread
    public void startScheduler() {
        if (intervalMillis > 0 && periodic == null) {
            periodic = mainThread.scheduleAtFixedRate(this::triggerPeriodic, intervalMillis, intervalMillis);
        }
    }

    /** Stops periodic checkpoints. */
    @MainThread
    public void stopScheduler() {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    private void triggerPeriodic() {
        if (pending.size() >= maxConcurrent
                || System.currentTimeMillis() - lastCompletionMillis < minPauseMillis) {
            return;
        }
        CheckpointCoordinatorContext.Tasks tasks = context.tasks();
        if (!tasks.allRunning() || tasks.sourcesToTrigger().isEmpty()) {
            return;
        }
        trigger(CheckpointTrigger.CHECKPOINT);
    }

    /**
     * Triggers a checkpoint now, or as soon as the pending ones end, because a task finished its operators and
     * waits for a checkpoint to end (a bounded job would otherwise wait up to an interval per stage). Does nothing
     * when checkpointing is off (tasks then do not wait) or the job is not running.
     */
    @MainThread
    public void triggerSoon() {
        if (intervalMillis <= 0) {
            return;
        }
        if (!pending.isEmpty()) {
            triggerWhenIdle = true;
            return;
        }
        triggerWhenIdle = false;
        trigger(CheckpointTrigger.CHECKPOINT).whenComplete((c, e) -> {
            if (e != null) {
                LOG.debug("Checkpoint for finished tasks of job '{}' did not complete: {}", jobName, e.toString());
            }
        });
    }

    private void triggerIfRequested() {
        if (triggerWhenIdle && pending.isEmpty()) {
            mainThread.execute(this::triggerSoon);
        }
    }

    /**
     * Triggers a checkpoint or savepoint now.
     *
     * @return a future of the completed checkpoint; it fails if the checkpoint cannot start or is aborted
     */
    @MainThread
    public CompletableFuture<CompletedCheckpoint> trigger(CheckpointTrigger trigger) {
        CheckpointCoordinatorContext.Tasks tasks = context.tasks();
        if (!tasks.allRunning() || tasks.sourcesToTrigger().isEmpty()) {
            return CompletableFuture.failedFuture(new CheckpointException("Cannot take a "
                    + (trigger.savepoint() ? "savepoint" : "checkpoint") + " of job '" + jobName + "' now: "
                    + (tasks.allRunning() ? "no source is running" : "not every task is running yet")));
        }
        long id = nextCheckpointId++;
        long now = System.currentTimeMillis();
        Map<String, byte[]> coordinatorStates;
        try {
            coordinatorStates = context.snapshotCoordinators(id);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(new CheckpointException("Checkpoint " + id + " of job '"
                    + jobName + "': a split enumerator could not snapshot", e));
        }
        Path dir = trigger.savepoint()
                ? CheckpointStorageLocations.newSavepointDirectory(trigger.savepointParent(), jobId)
                : CheckpointStorageLocations.checkpointDirectory(jobRoot, id);
        PendingCheckpoint checkpoint = new PendingCheckpoint(id, now, trigger, dir, tasks.toAcknowledge(),
                tasks.finished(), coordinatorStates);
        pending.put(id, checkpoint);
        checkpoint.setTimeout(mainThread.schedule(() -> abort(id, new CheckpointException("Checkpoint " + id
                + " expired after " + timeoutMillis + " ms; still waiting for "
                + pendingOrNull(id)), false), timeoutMillis));
        CheckpointBarrier barrier = new CheckpointBarrier(id, now, trigger.savepoint(), dir.toString());
        for (ExecutionAttemptId source : tasks.sourcesToTrigger()) {
            context.triggerCheckpoint(source, barrier, trigger);
        }
        LOG.debug("Triggered {} {} of job '{}'", trigger.savepoint() ? "savepoint" : "checkpoint", id, jobName);
        return checkpoint.result();
    }

    private Set<ExecutionAttemptId> pendingOrNull(long id) {
        PendingCheckpoint p = pending.get(id);
        return p == null ? Set.of() : p.notYetAcknowledged();
    }

    /** A subtask acknowledged a checkpoint with its state. */
    @MainThread
    public void acknowledge(ExecutionAttemptId attempt, long checkpointId, TaskStateSnapshot state) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint == null || !checkpoint.acknowledge(attempt, state)) {
            // Late (the checkpoint was aborted) or from an older attempt: its files are not referenced anywhere.
            discardLateState(state);
            if (checkpoint == null) {
                deleteIfIncomplete(CheckpointStorageLocations.checkpointDirectory(jobRoot, checkpointId));
            }
            return;
        }
        completeIfAcknowledged(checkpoint);
    }

    /** A subtask finished: it acknowledges every pending checkpoint it still owed as "finished". */
    @MainThread
    public void taskFinished(ExecutionAttemptId attempt) {
        for (PendingCheckpoint checkpoint : pending.values().toArray(new PendingCheckpoint[0])) {
            if (checkpoint.acknowledgeFinished(attempt)) {
                completeIfAcknowledged(checkpoint);
            }
        }
    }

    /** A subtask could not take part in a checkpoint: abort it. */
    @MainThread
    public void decline(ExecutionAttemptId attempt, long checkpointId, Throwable cause) {
        if (pending.containsKey(checkpointId)) {
            abort(checkpointId, new CheckpointException("Checkpoint " + checkpointId + " was declined by "
                    + attempt + ": " + cause, cause), false);
        }
    }

    private void completeIfAcknowledged(PendingCheckpoint checkpoint) {
        if (!checkpoint.isFullyAcknowledged()) {
            return;
        }
        pending.remove(checkpoint.checkpointId());
        checkpoint.cancelTimeout();
        CompletedCheckpoint completed = new CompletedCheckpoint(checkpoint.checkpointId(),
                checkpoint.timestampMillis(), checkpoint.trigger().savepoint(), collectOperatorStates(checkpoint),
                checkpoint.directory());
        try {
            CheckpointMetadataIO.write(completed);
        } catch (IOException e) {
            fail(checkpoint, new CheckpointException("Checkpoint " + checkpoint.checkpointId() + ": could not "
                    + "write its metadata file " + completed.metadataFile(), e), false);
            return;
        }
        long duration = System.currentTimeMillis() - checkpoint.timestampMillis();
        lastCompletionMillis = System.currentTimeMillis();
        consecutiveFailures = 0;
        if (!completed.savepoint()) {
            store.add(completed);
            abortSubsumed(completed.checkpointId());
        }
        stats.completed(completed.checkpointId(), duration, completed.stateSize());
        LOG.info("Completed {} {} of job '{}' in {} ms ({} bytes) at {}", completed.savepoint() ? "savepoint"
                : "checkpoint", completed.checkpointId(), jobName, duration, completed.stateSize(),
                completed.directory());
        for (ExecutionAttemptId attempt : checkpoint.acknowledged().keySet()) {
            context.notifyCheckpointComplete(attempt, completed.checkpointId());
        }
        checkpoint.result().complete(completed);
        triggerIfRequested();
    }

    /**
     * Aborts the pending checkpoints older than one that just completed (possible with more than one concurrent
     * checkpoint, when a newer one's acknowledgements came first), as Flink subsumes them: completed later, an
     * older one would become the latest checkpoint, and shared files that only it refers to may already have been
     * deleted with the checkpoint the newer one replaced. Pending savepoints are left alone. Not counted as
     * checkpoint failures.
     */
    private void abortSubsumed(long completedId) {
        for (PendingCheckpoint older : pending.values().toArray(new PendingCheckpoint[0])) {
            if (older.checkpointId() < completedId && !older.trigger().savepoint()) {
                abort(older.checkpointId(), new CheckpointException("Checkpoint " + older.checkpointId()
                        + " was subsumed by checkpoint " + completedId), true);
            }
        }
    }

    private Map<String, OperatorState> collectOperatorStates(PendingCheckpoint checkpoint) {
        Map<String, Map<Integer, OperatorSubtaskState>> bySubtask = new LinkedHashMap<>();
        checkpoint.acknowledged().forEach((attempt, snapshot) -> snapshot.operators().forEach((op, state) ->
                bySubtask.computeIfAbsent(op, k -> new HashMap<>()).put(attempt.subtaskIndex(), state)));
        for (ExecutionAttemptId attempt : checkpoint.finished()) {
            for (String op : context.operatorIdsOf(attempt)) {
                bySubtask.computeIfAbsent(op, k -> new HashMap<>()).put(attempt.subtaskIndex(),
                        OperatorSubtaskState.FINISHED);
            }
        }
        Map<String, OperatorState> result = new LinkedHashMap<>();
        Map<String, int[]> parallelism = context.operatorParallelism();
        parallelism.forEach((op, p) -> {
            Map<Integer, OperatorSubtaskState> subtasks = bySubtask.getOrDefault(op, Map.of());
            byte[] coordinator = checkpoint.coordinatorStates().get(op);
            if (!subtasks.isEmpty() || coordinator != null) {
                result.put(op, new OperatorState(op, p[0], p[1], subtasks, coordinator));
            }
        });
        return result;
    }

    /** Aborts every pending checkpoint (the job fails over or ends); does not count as checkpoint failures. */
    @MainThread
    public void abortAll(Throwable cause) {
        for (Long id : pending.keySet().toArray(new Long[0])) {
            abort(id, new CheckpointException("Checkpoint " + id + " aborted: " + cause, cause), true);
        }
    }

    private void abort(long checkpointId, CheckpointException cause, boolean jobFailover) {
        PendingCheckpoint checkpoint = pending.remove(checkpointId);
        if (checkpoint != null) {
            fail(checkpoint, cause, jobFailover);
        }
    }

    private void fail(PendingCheckpoint checkpoint, CheckpointException cause, boolean jobFailover) {
        checkpoint.cancelTimeout();
        LOG.warn("{}", cause.getMessage());
        stats.failed();
        if (!jobFailover) {
            for (ExecutionAttemptId attempt : context.tasks().toAcknowledge()) {
                context.notifyCheckpointAborted(attempt, checkpoint.checkpointId());
            }
        }
        for (TaskStateSnapshot s : checkpoint.acknowledged().values()) {
            discardPrivate(s);
        }
        sharedState.discardUnregistered(checkpoint.keyedHandles());
        try {
            CompletedCheckpoint.deleteRecursively(checkpoint.directory());
        } catch (IOException e) {
            LOG.warn("Could not delete the directory of aborted checkpoint {}", checkpoint.checkpointId(), e);
        }
        checkpoint.result().completeExceptionally(cause);
        if (!jobFailover && !checkpoint.trigger().savepoint() && ++consecutiveFailures > tolerableFailures) {
            context.failJob(new CheckpointException("Job '" + jobName + "' exceeded the tolerable number of "
                    + "consecutive checkpoint failures (" + tolerableFailures + ")", cause));
        } else if (!jobFailover) {
            triggerIfRequested();
        }
    }

    /** Deletes a checkpoint directory that has no metadata (an aborted checkpoint's, recreated by a late upload). */
    private static void deleteIfIncomplete(Path dir) {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(CheckpointStorageLocations.METADATA_FILE))) {
            try {
                CompletedCheckpoint.deleteRecursively(dir);
            } catch (IOException e) {
                LOG.warn("Could not delete the directory of aborted checkpoint {}", dir, e);
            }
        }
    }

    private void discardLateState(TaskStateSnapshot state) {
        discardPrivate(state);
        List<KeyedStateHandle> keyed = new ArrayList<>();
        state.operators().values().forEach(o -> {
            if (o.keyedState() != null) {
                keyed.add(o.keyedState());
            }
        });
        sharedState.discardUnregistered(keyed);
    }

    private static void discardPrivate(TaskStateSnapshot state) {
        for (OperatorSubtaskState o : state.operators().values()) {
            try {
                if (o.operatorState() != null) {
                    o.operatorState().discardState();
                }
                if (o.keyedState() != null) {
                    for (StreamStateHandle h : o.keyedState().privateState()) {
                        h.discardState();
                    }
                }
            } catch (IOException e) {
                LOG.warn("Could not delete state of an aborted checkpoint", e);
            }
        }
    }

    /** @return the newest retained checkpoint, or null */
    @MainThread
    public CompletedCheckpoint latestCompleted() {
        return store.latest();
    }

    /** @return the retained checkpoints, oldest first */
    @MainThread
    public List<CompletedCheckpoint> retained() {
        return store.all();
    }

    /** Forgets a retained checkpoint found unusable. */
    @MainThread
    public void removeCorrupt(CompletedCheckpoint checkpoint) {
        store.remove(checkpoint);
    }

    /** @return the statistics of this job's checkpoints */
    public CheckpointStatsTracker stats() {
        return stats;
    }

    /**
     * Pins the shared files of a checkpoint this job started from but does not own (another job's retained
     * checkpoint): this job's checkpoints may refer to them, and they must never be deleted by this job (Flink's
     * "no claim" restore mode).
     */
    @MainThread
    public void pinRestoredCheckpoint(CompletedCheckpoint restored) {
        sharedState.register(restored);
    }

    /**
     * Makes the next checkpoint id larger than a restored one, so ids never repeat within a job's storage.
     *
     * @param restoredId the id of the checkpoint the job starts from
     */
    @MainThread
    public void setNextCheckpointIdAfter(long restoredId) {
        nextCheckpointId = Math.max(nextCheckpointId, restoredId + 1);
    }

    /** Deletes the retained checkpoints (the job finished; nothing will restore from them). */
    @MainThread
    public void discardRetained() {
        for (CompletedCheckpoint c : store.all()) {
            store.remove(c);
        }
    }
}
