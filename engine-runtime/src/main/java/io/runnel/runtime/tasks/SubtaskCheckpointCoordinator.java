package io.runnel.runtime.tasks;

import io.runnel.annotation.TaskThread;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.runtime.checkpoint.OperatorSubtaskState;
import io.runnel.runtime.checkpoint.TaskStateSnapshot;
import io.runnel.runtime.network.RecordWriter;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.FsCheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.SnapshotType;
import io.runnel.state.snapshot.StreamStateHandle;
import io.runnel.streamrecord.CheckpointBarrier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one subtask's part of a checkpoint: forwards the barrier, runs the synchronous part of every operator's
 * snapshot on the task thread, hands the rest to the asynchronous snapshot pool, and acknowledges the
 * checkpoint with the state handles (or declines it). After Flink's {@code SubtaskCheckpointCoordinatorImpl}.
 *
 * <p><b>Threading:</b> {@link #checkpointState} and {@link #decline} on the task thread; the asynchronous part runs
 * on the pool and only reads the immutable snapshot parts it was given, then calls the thread-safe responder.
 */
final class SubtaskCheckpointCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(SubtaskCheckpointCoordinator.class);

    private final String taskName;
    private final CheckpointResponder responder;
    private final Executor asyncExecutor;
    private final int inlineThresholdBytes;
    /** Asynchronous parts not yet acknowledged or declined; the task reports FINISHED only after they are. */
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();

    SubtaskCheckpointCoordinator(TaskEnvironment env) {
        this.taskName = env.taskInfo().nameWithSubtask();
        this.responder = env.checkpointResponder();
        this.asyncExecutor = env.asyncSnapshotExecutor();
        this.inlineThresholdBytes = (int) Math.min(Integer.MAX_VALUE,
                env.configuration().get(CheckpointingOptions.MEMORY_THRESHOLD));
    }

    /**
     * Takes this subtask's part of the checkpoint of {@code barrier}: the barrier goes downstream first (so
     * consumers start aligning while we snapshot; nothing changes the state in between, as this is the task
     * thread), then the synchronous snapshot, then the asynchronous part on the pool.
     *
     * @throws Exception if forwarding the barrier or the synchronous part fails; the checkpoint is declined and
     *     the task fails
     */
    @TaskThread
    void checkpointState(CheckpointBarrier barrier, OperatorChain chain, List<RecordWriter<?>> writers)
            throws Exception {
        for (RecordWriter<?> w : writers) {
            w.broadcastEvent(barrier);
        }
        CheckpointStreamFactory streams = streamsFor(barrier);
        List<OperatorChain.OperatorSnapshot> parts;
        try {
            parts = chain.snapshotState(barrier.checkpointId(), barrier.timestampMillis(), streams);
        } catch (Exception e) {
            decline(barrier.checkpointId(), e);
            throw e;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        inFlight.add(done);
        try {
            asyncExecutor.execute(() -> {
                try {
                    materialize(barrier.checkpointId(), parts, streams);
                } finally {
                    inFlight.remove(done);
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(done);
            cancel(parts);
            decline(barrier.checkpointId(), e);
        }
    }

    /**
     * Waits until every asynchronous part has acknowledged or declined, so that a finishing task's report reaches
     * the JobManager after its acknowledgements (a subtask counted as finished for a checkpoint it snapshotted
     * would lose the records it emitted after that barrier). Task thread, at the end of a task.
     *
     * @throws InterruptedException if the task is interrupted (cancelled) while waiting
     */
    @TaskThread
    void awaitPendingAcknowledgements() throws InterruptedException {
        try {
            CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0])).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("an asynchronous snapshot failed unexpectedly", e.getCause());
        }
    }

    private CheckpointStreamFactory streamsFor(CheckpointBarrier barrier) {
        Path exclusive = Path.of(barrier.targetDirectory());
        Path shared = barrier.savepoint() ? exclusive : exclusive.getParent().resolve("shared");
        return new FsCheckpointStreamFactory(barrier.checkpointId(),
                barrier.savepoint() ? SnapshotType.SAVEPOINT : SnapshotType.CHECKPOINT, exclusive, shared,
                inlineThresholdBytes);
    }

    /** The asynchronous part: writes every operator's snapshot, then acknowledges. Async snapshot thread. */
    private void materialize(long checkpointId, List<OperatorChain.OperatorSnapshot> parts,
                             CheckpointStreamFactory streams) {
        Map<String, OperatorSubtaskState> states = new HashMap<>();
        int done = 0;
        try {
            for (OperatorChain.OperatorSnapshot part : parts) {
                done++;
                KeyedStateHandle keyed = part.keyed() == null ? null : part.keyed().materialize();
                StreamStateHandle operator = part.operatorState() == null ? null
                        : streams.writeExclusive("op-" + part.operatorId(), part.operatorState());
                if (keyed != null || operator != null) {
                    states.put(part.operatorId(), new OperatorSubtaskState(operator, keyed, false));
                }
            }
        } catch (Exception | Error e) {
            cancel(parts.subList(done, parts.size()));
            LOG.warn("Asynchronous part of checkpoint {} of {} failed", checkpointId, taskName, e);
            decline(checkpointId, e);
            return;
        }
        responder.acknowledgeCheckpoint(checkpointId, new TaskStateSnapshot(states));
    }

    private static void cancel(List<OperatorChain.OperatorSnapshot> parts) {
        for (OperatorChain.OperatorSnapshot part : parts) {
            if (part.keyed() != null) {
                part.keyed().cancel();
            }
        }
    }

    /** Declines a checkpoint this subtask cannot complete. */
    void decline(long checkpointId, Throwable cause) {
        LOG.debug("{} declines checkpoint {}: {}", taskName, checkpointId, String.valueOf(cause));
        responder.declineCheckpoint(checkpointId, cause);
    }
}
