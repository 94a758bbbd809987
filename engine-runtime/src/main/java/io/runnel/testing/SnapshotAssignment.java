package io.runnel.testing;

import io.runnel.runtime.checkpoint.OperatorSubtaskState;
import io.runnel.runtime.checkpoint.TaskRestore;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides what a new harness subtask restores from the snapshots of old harness subtasks, the way the JobManager's
 * {@code StateAssignment} does for a job: every keyed handle whose key groups intersect the new subtask's range,
 * and the operator state of every old subtask in old subtask order (the subtask then takes its own share).
 *
 * <p><b>Contract:</b> the snapshots must come from one checkpoint of one operator at one parallelism and max
 * parallelism. Because a real restore sees all old subtasks, a snapshot may only be left out if the new subtask
 * would not have read it: its old subtask held none of the new key groups and no snapshot has operator state
 * (operator state is redistributed over all old subtasks).
 *
 * <p><b>Threading:</b> stateless.
 */
final class SnapshotAssignment {

    private SnapshotAssignment() {
    }

    /**
     * @param snapshots the old subtasks' snapshots, in any order; not empty
     * @param maxParallelism the new subtask's number of key groups
     * @param parallelism the new parallelism
     * @param subtaskIndex the new subtask
     * @return what the new subtask restores
     * @throws IllegalArgumentException if the snapshots do not fit together or the new subtask, or one it needs
     *     is missing
     */
    static TaskRestore.OperatorRestore assign(List<OperatorSnapshot> snapshots, int maxParallelism,
                                              int parallelism, int subtaskIndex) {
        OperatorSnapshot[] bySubtask = checkConsistent(snapshots);
        OperatorSnapshot first = snapshots.get(0);
        boolean keyed = snapshots.stream().anyMatch(s -> s.state().keyedState() != null);
        if (keyed && first.maxParallelism() != maxParallelism) {
            throw new IllegalArgumentException("The snapshots hold keyed state in " + first.maxParallelism()
                    + " key groups (max parallelism), but the harness has " + maxParallelism
                    + "; keyed state can only be restored with the same max parallelism");
        }
        KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism,
                parallelism, subtaskIndex);
        checkComplete(bySubtask, range);
        List<KeyedStateHandle> keyedState = new ArrayList<>();
        List<StreamStateHandle> operatorStates = new ArrayList<>();
        for (OperatorSnapshot s : bySubtask) {
            OperatorSubtaskState state = s == null ? null : s.state();
            operatorStates.add(state == null ? null : state.operatorState());
            if (state != null && state.keyedState() != null
                    && state.keyedState().keyGroupRange().intersection(range).numberOfKeyGroups() > 0) {
                keyedState.add(state.keyedState());
            }
        }
        return new TaskRestore.OperatorRestore(keyedState, operatorStates, false);
    }

    /** @return the snapshots by old subtask index (null: not given) */
    private static OperatorSnapshot[] checkConsistent(List<OperatorSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("no snapshots to restore from");
        }
        OperatorSnapshot first = snapshots.get(0);
        OperatorSnapshot[] bySubtask = new OperatorSnapshot[first.parallelism()];
        for (OperatorSnapshot s : snapshots) {
            if (s.checkpointId() != first.checkpointId() || s.parallelism() != first.parallelism()
                    || s.maxParallelism() != first.maxParallelism()) {
                throw new IllegalArgumentException("Snapshots of different checkpoints or parallelisms cannot be "
                        + "restored together: " + describe(first) + " and " + describe(s));
            }
            if (bySubtask[s.subtaskIndex()] != null) {
                throw new IllegalArgumentException("Two snapshots of the same subtask: " + describe(s));
            }
            bySubtask[s.subtaskIndex()] = s;
        }
        return bySubtask;
    }

    private static void checkComplete(OperatorSnapshot[] bySubtask, KeyGroupRange range) {
        boolean operatorState = Arrays.stream(bySubtask)
                .anyMatch(s -> s != null && s.state().operatorState() != null);
        TreeSet<Integer> missing = new TreeSet<>();
        TreeSet<Integer> missingNeeded = new TreeSet<>();
        for (int i = 0; i < bySubtask.length; i++) {
            if (bySubtask[i] != null) {
                continue;
            }
            missing.add(i);
            KeyGroupRange old = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                    snapshotMaxParallelism(bySubtask), bySubtask.length, i);
            if (old.intersection(range).numberOfKeyGroups() > 0) {
                missingNeeded.add(i);
            }
        }
        if (operatorState && !missing.isEmpty()) {
            throw new IllegalArgumentException("The snapshots hold operator state, which a restore redistributes "
                    + "over all " + bySubtask.length + " old subtasks; pass the snapshots of all of them (missing "
                    + "subtasks " + missing + ")");
        }
        if (!missingNeeded.isEmpty()) {
            throw new IllegalArgumentException("Key groups " + range + " of the new subtask were held by old "
                    + "subtasks " + missingNeeded + ", whose snapshots are missing");
        }
    }

    private static int snapshotMaxParallelism(OperatorSnapshot[] bySubtask) {
        for (OperatorSnapshot s : bySubtask) {
            if (s != null) {
                return s.maxParallelism();
            }
        }
        throw new IllegalStateException("no snapshot");
    }

    private static String describe(OperatorSnapshot s) {
        return "checkpoint " + s.checkpointId() + " of subtask " + s.subtaskIndex() + "/" + s.parallelism()
                + " (max parallelism " + s.maxParallelism() + ")";
    }
}
