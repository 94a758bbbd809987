package io.runnel.runtime.checkpoint;

import io.runnel.annotation.MainThread;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.state.snapshot.KeyedStateHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A checkpoint that was triggered and waits for its acknowledgements: which subtasks still owe one, and the
 * state each acknowledged.
 *
 * <p>Invariant: an attempt is in {@code notYetAcknowledged} until it acknowledged or reported finished; the
 * checkpoint is fully acknowledged when the set is empty.
 *
 * <p><b>Threading:</b> JobManager main thread only.
 */
final class PendingCheckpoint {

    private final long checkpointId;
    private final long timestampMillis;
    private final CheckpointTrigger trigger;
    private final Path directory;
    private final Set<ExecutionAttemptId> notYetAcknowledged;
    /** By vertex id, the attempts that acknowledged, with what. */
    private final Map<ExecutionAttemptId, TaskStateSnapshot> acknowledged = new HashMap<>();
    private final Set<ExecutionAttemptId> finished = new HashSet<>();
    private final Map<String, byte[]> coordinatorStates;
    private final CompletableFuture<CompletedCheckpoint> result = new CompletableFuture<>();
    private ScheduledFuture<?> timeout;

    PendingCheckpoint(long checkpointId, long timestampMillis, CheckpointTrigger trigger, Path directory,
                      Set<ExecutionAttemptId> toAcknowledge, Set<ExecutionAttemptId> alreadyFinished,
                      Map<String, byte[]> coordinatorStates) {
        this.checkpointId = checkpointId;
        this.timestampMillis = timestampMillis;
        this.trigger = trigger;
        this.directory = directory;
        this.notYetAcknowledged = new HashSet<>(toAcknowledge);
        this.finished.addAll(alreadyFinished);
        this.coordinatorStates = Map.copyOf(coordinatorStates);
    }

    long checkpointId() {
        return checkpointId;
    }

    long timestampMillis() {
        return timestampMillis;
    }

    CheckpointTrigger trigger() {
        return trigger;
    }

    Path directory() {
        return directory;
    }

    CompletableFuture<CompletedCheckpoint> result() {
        return result;
    }

    void setTimeout(ScheduledFuture<?> timeout) {
        this.timeout = timeout;
    }

    /** Stops the timeout timer (completed or aborted). */
    void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    /** @return true if the acknowledgement was expected (not a duplicate or from an unknown attempt) */
    @MainThread
    boolean acknowledge(ExecutionAttemptId attempt, TaskStateSnapshot state) {
        // A subtask that snapshotted and then finished may be reported finished first: its real state wins, since
        // records it emitted after the barrier are not in its downstream's snapshot.
        if (!notYetAcknowledged.remove(attempt) && !finished.remove(attempt)) {
            return false;
        }
        acknowledged.put(attempt, state);
        return true;
    }

    /** A subtask finished before acknowledging: its final state is "finished". @return true if it was awaited */
    @MainThread
    boolean acknowledgeFinished(ExecutionAttemptId attempt) {
        if (!notYetAcknowledged.remove(attempt)) {
            return false;
        }
        finished.add(attempt);
        return true;
    }

    boolean isFullyAcknowledged() {
        return notYetAcknowledged.isEmpty();
    }

    /** @return every attempt that acknowledged with state */
    Map<ExecutionAttemptId, TaskStateSnapshot> acknowledged() {
        return acknowledged;
    }

    /** @return the attempts that had finished */
    Set<ExecutionAttemptId> finished() {
        return finished;
    }

    Map<String, byte[]> coordinatorStates() {
        return coordinatorStates;
    }

    /** @return the keyed handles acknowledged so far (to clean up after an abort) */
    List<KeyedStateHandle> keyedHandles() {
        List<KeyedStateHandle> handles = new ArrayList<>();
        for (TaskStateSnapshot s : acknowledged.values()) {
            for (OperatorSubtaskState o : s.operators().values()) {
                if (o.keyedState() != null) {
                    handles.add(o.keyedState());
                }
            }
        }
        return handles;
    }

    /** @return the ids of the attempts still owing an acknowledgement (for timeout messages) */
    Set<ExecutionAttemptId> notYetAcknowledged() {
        return notYetAcknowledged;
    }
}
