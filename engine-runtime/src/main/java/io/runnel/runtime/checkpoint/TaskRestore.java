package io.runnel.runtime.checkpoint;

import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The state one subtask starts from: per operator of its chain, the handles it restores from.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param checkpointId the checkpoint or savepoint restored
 * @param operators by operator id; an operator without an entry starts empty
 */
public record TaskRestore(long checkpointId, Map<String, OperatorRestore> operators) {

    public TaskRestore {
        operators = Map.copyOf(operators);
    }

    /** @return the restore of one operator, or null if it starts empty */
    public OperatorRestore operator(String operatorId) {
        return operators.get(operatorId);
    }

    /**
     * What one operator of the subtask restores.
     *
     * @param keyedState every keyed handle whose key groups intersect the subtask's range
     * @param operatorStates the operator state of every old subtask, in old subtask order (null entries: none),
     *     so the subtask can compute its share after a change of parallelism
     * @param finished true if every subtask of the operator had finished; it then starts finished and does not
     *     run again
     */
    public record OperatorRestore(List<KeyedStateHandle> keyedState, List<StreamStateHandle> operatorStates,
                                  boolean finished) {
        public OperatorRestore {
            keyedState = List.copyOf(keyedState);
            operatorStates = Collections.unmodifiableList(new ArrayList<>(operatorStates));
        }
    }
}
