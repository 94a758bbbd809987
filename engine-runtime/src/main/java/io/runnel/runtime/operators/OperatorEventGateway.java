package io.runnel.runtime.operators;

import io.runnel.runtime.source.OperatorEvent;

/**
 * Sends events from an operator's subtask to its coordinator in the JobManager (a source reader to its split
 * enumerator).
 *
 * <p><b>Threading:</b> task thread; delivery is asynchronous.
 */
@FunctionalInterface
public interface OperatorEventGateway {

    /** Sends an event to the coordinator. */
    void sendEventToCoordinator(OperatorEvent event);
}
