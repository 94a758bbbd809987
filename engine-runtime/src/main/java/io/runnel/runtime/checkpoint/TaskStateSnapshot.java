package io.runnel.runtime.checkpoint;

import java.io.Serializable;
import java.util.Map;

/**
 * What one subtask acknowledges for a checkpoint: the state of each operator of its chain.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param operators by operator id (see {@link OperatorIds}), the state of each chained operator
 */
public record TaskStateSnapshot(Map<String, OperatorSubtaskState> operators) implements Serializable {

    public TaskStateSnapshot {
        operators = Map.copyOf(operators);
    }

    /** @return the bytes the snapshot refers to */
    public long stateSize() {
        return operators.values().stream().mapToLong(OperatorSubtaskState::stateSize).sum();
    }
}
