package io.runnel.api.checkpoint;

import io.runnel.annotation.Public;
import io.runnel.api.state.KeyedStateStore;
import io.runnel.api.state.OperatorStateStore;

/**
 * What a {@link CheckpointedFunction} gets to register its state.
 *
 * <p><b>Threading:</b> task thread only, during {@link CheckpointedFunction#initializeState}.
 */
@Public
public interface FunctionInitializationContext {

    /** @return true if the state was restored from a snapshot (a restart or a savepoint) */
    boolean isRestored();

    /** @return the operator (non-keyed) state of this parallel instance */
    OperatorStateStore getOperatorStateStore();

    /**
     * @return the keyed state of the function's operator
     * @throws UnsupportedOperationException if the function does not run on a keyed stream
     */
    KeyedStateStore getKeyedStateStore();
}
