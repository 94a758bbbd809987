package io.runnel.runtime.checkpoint;

import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.Serializable;

/**
 * The state of one operator of one subtask in a checkpoint.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param operatorState its operator (non-keyed) state in the {@code OperatorStateSnapshotIO} format, or null
 * @param keyedState its keyed state, or null for a non-keyed operator or one without state
 * @param finished true if the subtask had finished (its whole input processed) when the checkpoint was taken; a
 *     restore then starts it finished, so it does not run again
 */
public record OperatorSubtaskState(StreamStateHandle operatorState, KeyedStateHandle keyedState, boolean finished)
        implements Serializable {

    /** The state of a subtask that had finished. */
    public static final OperatorSubtaskState FINISHED = new OperatorSubtaskState(null, null, true);

    /** @return the bytes this state refers to */
    public long stateSize() {
        return (operatorState == null ? 0 : operatorState.stateSize())
                + (keyedState == null ? 0 : keyedState.stateSize());
    }
}
