package io.runnel.runtime.tasks;

import io.runnel.runtime.checkpoint.TaskRestore;
import io.runnel.runtime.operators.TaskInfo;
import io.runnel.state.operator.DefaultOperatorStateBackend;
import java.io.IOException;

/**
 * Builds an operator's operator-state backend for a subtask: empty for a fresh start, else the subtask's share
 * of the state of all old subtasks, which it reads and redistributes itself (so a restore at another parallelism
 * needs nothing from the JobManager but the handles).
 *
 * <p><b>Threading:</b> stateless; task thread.
 */
final class OperatorStateRestore {

    private OperatorStateRestore() {
    }

    /**
     * @param restore the operator's restore, or null
     * @param info the subtask
     * @param operatorName for errors
     * @return the backend
     * @throws IOException naming the handle if a state stream cannot be read
     */
    static DefaultOperatorStateBackend restore(TaskRestore.OperatorRestore restore, TaskInfo info,
                                               String operatorName) throws IOException {
        if (restore == null) {
            return new DefaultOperatorStateBackend();
        }
        return DefaultOperatorStateBackend.restore(restore.operatorStates(), info.userClassLoader(),
                info.parallelism(), info.subtaskIndex(), "operator '" + operatorName + "'");
    }
}
