package io.runnel.runtime.tasks;

import io.runnel.runtime.checkpoint.TaskRestore;
import io.runnel.runtime.operators.TaskInfo;
import io.runnel.state.operator.DefaultOperatorStateBackend;
import io.runnel.state.operator.OperatorStateRedistributor;
import io.runnel.state.operator.OperatorStateSnapshot;
import io.runnel.state.operator.OperatorStateSnapshotIO;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        if (restore == null || restore.operatorStates().stream().allMatch(h -> h == null)) {
            return restore == null ? new DefaultOperatorStateBackend()
                    : new DefaultOperatorStateBackend(new OperatorStateSnapshot(Map.of()));
        }
        List<OperatorStateSnapshot> old = new ArrayList<>();
        for (StreamStateHandle h : restore.operatorStates()) {
            if (h == null) {
                old.add(null);
                continue;
            }
            try (InputStream in = h.openInputStream()) {
                old.add(OperatorStateSnapshotIO.read(in, info.userClassLoader(),
                        h + " of operator '" + operatorName + "'"));
            }
        }
        List<OperatorStateSnapshot> shares = OperatorStateRedistributor.redistribute(old, info.parallelism());
        return new DefaultOperatorStateBackend(shares.get(info.subtaskIndex()));
    }
}
