package io.runnel.testing;

import io.runnel.annotation.Public;
import io.runnel.runtime.checkpoint.OperatorSubtaskState;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import java.io.Serializable;
import java.util.Objects;

/**
 * The state of one operator subtask taken by {@link OneInputOperatorHarness#snapshot(long)}: the same handles a
 * real checkpoint would hold for it, plus where the subtask sat (index, parallelism, key groups), so a harness
 * can restore from one snapshot, or from the snapshots of all old subtasks at another parallelism. The handles
 * refer to the harness's checkpoint directory (small state is kept inline), which must outlive the restore.
 *
 * <p><b>Threading:</b> immutable; serializable.
 *
 * @param checkpointId the id passed to {@code snapshot}
 * @param subtaskIndex the subtask that took it, {@code 0 <= subtaskIndex < parallelism}
 * @param parallelism the parallelism of the harness that took it
 * @param maxParallelism its number of key groups
 * @param state the operator state and keyed state handles (either may be null: no such state)
 */
@Public
public record OperatorSnapshot(long checkpointId, int subtaskIndex, int parallelism, int maxParallelism,
                               OperatorSubtaskState state) implements Serializable {

    /** @throws IllegalArgumentException if the subtask does not fit the parallelism */
    public OperatorSnapshot {
        Objects.requireNonNull(state, "state");
        if (subtaskIndex < 0 || subtaskIndex >= parallelism || parallelism > maxParallelism) {
            throw new IllegalArgumentException("subtask " + subtaskIndex + " of parallelism " + parallelism
                    + " and max parallelism " + maxParallelism + " does not exist");
        }
    }

    /** @return the key groups the subtask held */
    public KeyGroupRange keyGroupRange() {
        return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism,
                subtaskIndex);
    }

    /** @return the bytes the snapshot refers to */
    public long stateSize() {
        return state.stateSize();
    }
}
