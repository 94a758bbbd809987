package io.runnel.runtime.checkpoint;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one operator (all its subtasks) in a completed checkpoint or savepoint.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param operatorId the operator's id: its uid, or a generated one (see {@link OperatorIds})
 * @param parallelism the operator's parallelism when the checkpoint was taken
 * @param maxParallelism its number of key groups
 * @param subtasks by subtask index, the state of each subtask that had any (or had finished)
 * @param coordinatorState the state of the operator's coordinator in the JobManager (a source's split
 *     enumerator, Java-serialized), or null
 */
public record OperatorState(String operatorId, int parallelism, int maxParallelism,
                            Map<Integer, OperatorSubtaskState> subtasks, byte[] coordinatorState) {

    public OperatorState {
        subtasks = Map.copyOf(subtasks);
    }

    /** @return the subtask states in subtask order */
    public Map<Integer, OperatorSubtaskState> sortedSubtasks() {
        return new TreeMap<>(subtasks);
    }

    /** @return the bytes this operator's state refers to */
    public long stateSize() {
        long size = coordinatorState == null ? 0 : coordinatorState.length;
        for (OperatorSubtaskState s : subtasks.values()) {
            size += s.stateSize();
        }
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperatorState other && operatorId.equals(other.operatorId)
                && parallelism == other.parallelism && maxParallelism == other.maxParallelism
                && subtasks.equals(other.subtasks) && Arrays.equals(coordinatorState, other.coordinatorState);
    }

    @Override
    public int hashCode() {
        return operatorId.hashCode() * 31 + subtasks.hashCode();
    }

    @Override
    public String toString() {
        return "OperatorState[" + operatorId + ", p=" + parallelism + ", " + subtasks.size() + " subtasks]";
    }
}
