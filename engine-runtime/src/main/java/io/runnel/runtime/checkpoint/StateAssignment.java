package io.runnel.runtime.checkpoint;

import io.runnel.graph.ChainedOperator;
import io.runnel.graph.JobGraph;
import io.runnel.graph.JobVertex;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which state each subtask of a job restores from a completed checkpoint or savepoint: operators are
 * matched by id (uid); a keyed subtask gets every keyed handle whose key groups intersect its new range; every
 * subtask gets all old operator-state handles and computes its own share. This is what makes a restore at
 * another parallelism work. After Flink's {@code StateAssignmentOperation}.
 *
 * <p><b>Threading:</b> stateless; JobManager main thread.
 */
public final class StateAssignment {

    private static final Logger LOG = LoggerFactory.getLogger(StateAssignment.class);

    private StateAssignment() {
    }

    /**
     * Checks that the checkpoint fits the job.
     *
     * @param checkpoint the checkpoint to restore
     * @param jobGraph the job
     * @param allowNonRestoredState whether state of operators the job lacks may be dropped
     * @throws IllegalStateException naming the operator and the checkpoint if state cannot be matched, or if an
     *     operator's key-group count changed
     */
    public static void check(CompletedCheckpoint checkpoint, JobGraph jobGraph, boolean allowNonRestoredState) {
        Map<String, JobVertex> vertexOf = new HashMap<>();
        for (JobVertex v : jobGraph.vertices()) {
            for (ChainedOperator op : v.operators()) {
                vertexOf.put(OperatorIds.of(op), v);
            }
        }
        Set<String> unmatched = new HashSet<>();
        for (OperatorState state : checkpoint.operators().values()) {
            JobVertex v = vertexOf.get(state.operatorId());
            if (v == null) {
                if (holdsState(state)) {
                    unmatched.add(state.operatorId());
                }
                continue;
            }
            boolean keyed = state.subtasks().values().stream().anyMatch(s -> s.keyedState() != null);
            if (keyed && state.maxParallelism() != v.maxParallelism()) {
                throw new IllegalStateException("Cannot restore operator '" + state.operatorId() + "' from "
                        + checkpoint.directory() + ": its keyed state has " + state.maxParallelism()
                        + " key groups (max parallelism) but the job now sets " + v.maxParallelism());
            }
        }
        if (!unmatched.isEmpty()) {
            if (!allowNonRestoredState) {
                throw new IllegalStateException("Checkpoint " + checkpoint.directory() + " holds state of operators "
                        + unmatched + " that the job does not have (match operators by uid, or allow dropping the "
                        + "state with --allow-non-restored-state / execution.savepoint.ignore-unclaimed-state)");
            }
            LOG.warn("Dropping the state of operators {} from {}: the job no longer has them", unmatched,
                    checkpoint.directory());
        }
    }

    /** @return true if the operator has state to lose (not just "finished" markers of stateless subtasks) */
    private static boolean holdsState(OperatorState state) {
        return state.coordinatorState() != null || state.subtasks().values().stream()
                .anyMatch(s -> s.operatorState() != null || s.keyedState() != null);
    }

    /**
     * @return true if every subtask of the operator had finished: only then does it start finished (a partly
     *     finished operator runs again, its finished subtasks with empty state, so that state dealt out anew,
     *     such as a source's splits, is read wherever it lands)
     */
    private static boolean fullyFinished(OperatorState state) {
        for (int i = 0; i < state.parallelism(); i++) {
            OperatorSubtaskState s = state.subtasks().get(i);
            if (s == null || !s.finished()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param checkpoint the checkpoint to restore
     * @param vertex the subtask's vertex
     * @param subtaskIndex the subtask
     * @return what the subtask restores
     */
    public static TaskRestore forSubtask(CompletedCheckpoint checkpoint, JobVertex vertex, int subtaskIndex) {
        KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(vertex.maxParallelism(),
                vertex.parallelism(), subtaskIndex);
        Map<String, TaskRestore.OperatorRestore> operators = new HashMap<>();
        for (ChainedOperator op : vertex.operators()) {
            OperatorState state = checkpoint.operators().get(OperatorIds.of(op));
            if (state == null) {
                continue;
            }
            List<KeyedStateHandle> keyed = new ArrayList<>();
            List<StreamStateHandle> operatorStates = new ArrayList<>();
            for (int old = 0; old < state.parallelism(); old++) {
                OperatorSubtaskState s = state.subtasks().get(old);
                operatorStates.add(s == null ? null : s.operatorState());
                if (s != null && s.keyedState() != null
                        && s.keyedState().keyGroupRange().intersection(range).numberOfKeyGroups() > 0) {
                    keyed.add(s.keyedState());
                }
            }
            operators.put(OperatorIds.of(op), new TaskRestore.OperatorRestore(keyed, operatorStates,
                    fullyFinished(state)));
        }
        return new TaskRestore(checkpoint.checkpointId(), operators);
    }
}
