package io.runnel.runtime.executiongraph;

/**
 * The state of one subtask attempt:
 * <pre>
 *   DEPLOYING -> RUNNING -> FINISHED
 *       |           |---> FAILED
 *       |           \---> CANCELING -> CANCELED
 *       \--> FAILED, CANCELED
 * </pre>
 * FINISHED, FAILED and CANCELED are terminal.
 */
public enum ExecutionState {
    DEPLOYING,
    RUNNING,
    CANCELING,
    FINISHED,
    FAILED,
    CANCELED;

    /** @return true for FINISHED, FAILED and CANCELED */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
