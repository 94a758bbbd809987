package io.runnel.testing;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.graph.OperatorSpec;
import io.runnel.runtime.checkpoint.OperatorSubtaskState;
import io.runnel.runtime.checkpoint.TaskRestore;
import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.operators.TaskInfo;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.StateBackend;
import io.runnel.state.TtlTimeProvider;
import io.runnel.state.operator.DefaultOperatorStateBackend;
import io.runnel.state.operator.OperatorStateSnapshotIO;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.FsCheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.SnapshotType;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The state backends of the operator under test, created (and restored) as a task's {@code OperatorChain} creates
 * them, and its snapshots, taken as a task's checkpoint takes them but with the asynchronous part run at once on
 * the calling thread. Snapshot files go to {@code <checkpointDirectory>/chk-<id>} and, for RocksDB's shared SST
 * files, {@code <checkpointDirectory>/shared}, as in real checkpoint storage.
 *
 * <p><b>Threading:</b> harness thread only.
 *
 * <p><b>Lifecycle:</b> the operator owns (and closes) the keyed backend once it is created; {@link #create} closes
 * it itself only if creating the operator state backend fails.
 */
final class HarnessState {

    private final TaskInfo info;
    private final KeyedStateBackend<Object> keyedBackend;
    private final DefaultOperatorStateBackend operatorBackend;
    private final Path checkpointDirectory;
    private final int inlineThresholdBytes;

    private HarnessState(TaskInfo info, KeyedStateBackend<Object> keyedBackend,
                         DefaultOperatorStateBackend operatorBackend, Path checkpointDirectory,
                         int inlineThresholdBytes) {
        this.info = info;
        this.keyedBackend = keyedBackend;
        this.operatorBackend = operatorBackend;
        this.checkpointDirectory = checkpointDirectory;
        this.inlineThresholdBytes = inlineThresholdBytes;
    }

    /**
     * @param spec the operator
     * @param info the subtask
     * @param configuration picks the state backend ({@code state.backend}) and the inline threshold
     * @param restore what to restore, or null for a fresh start
     * @param ttlClock the clock of state time-to-live
     * @param checkpointDirectory where snapshots are written
     * @throws Exception if a backend cannot be created or the state to restore cannot be read
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static HarnessState create(OperatorSpec spec, TaskInfo info, Configuration configuration,
                               TaskRestore.OperatorRestore restore, TtlTimeProvider ttlClock,
                               Path checkpointDirectory) throws Exception {
        KeyedStateBackend<Object> keyed = null;
        if (OperatorSpec.isKeyed(spec)) {
            KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                    info.maxParallelism(), info.parallelism(), info.subtaskIndex());
            TypeSerializer keySerializer = OperatorSpec.keyTypeOf(spec).createSerializer();
            keyed = StateBackend.fromConfiguration(configuration).createKeyedStateBackend(
                    new KeyedStateBackendParameters<>(info.taskName(), range, info.maxParallelism(), keySerializer,
                            info.userClassLoader(), ttlClock, restore == null ? List.of() : restore.keyedState()));
        }
        try {
            int threshold = (int) Math.min(Integer.MAX_VALUE, configuration.get(CheckpointingOptions.MEMORY_THRESHOLD));
            return new HarnessState(info, keyed, restoreOperatorState(restore, info), checkpointDirectory,
                    threshold);
        } catch (Exception | Error e) {
            if (keyed != null) {
                keyed.close();
            }
            throw e;
        }
    }

    /** Reads every old subtask's operator state and keeps this subtask's share, as a restoring task does. */
    private static DefaultOperatorStateBackend restoreOperatorState(TaskRestore.OperatorRestore restore,
                                                                    TaskInfo info) throws IOException {
        return restore == null ? new DefaultOperatorStateBackend()
                : DefaultOperatorStateBackend.restore(restore.operatorStates(), info.userClassLoader(),
                        info.parallelism(), info.subtaskIndex(), info.taskName());
    }

    /** @return the keyed backend, or null for a non-keyed operator */
    KeyedStateBackend<Object> keyedBackend() {
        return keyedBackend;
    }

    /** @return the operator state backend */
    DefaultOperatorStateBackend operatorBackend() {
        return operatorBackend;
    }

    /**
     * Takes a full snapshot: the operator writes its in-memory state into its backends, then both backends are
     * snapshotted and written out.
     *
     * @param checkpointId the checkpoint id (also names the directory of the snapshot's files)
     * @param operator the operator under test
     * @param timestampMillis the checkpoint's trigger time
     * @throws Exception from the operator or a backend
     */
    OperatorSnapshot snapshot(long checkpointId, StreamOperator operator, long timestampMillis) throws Exception {
        operator.snapshotState(checkpointId, timestampMillis);
        FsCheckpointStreamFactory streams = new FsCheckpointStreamFactory(checkpointId, SnapshotType.CHECKPOINT,
                checkpointDirectory.resolve("chk-" + checkpointId), checkpointDirectory.resolve("shared"),
                inlineThresholdBytes);
        KeyedStateHandle keyed = null;
        if (keyedBackend != null) {
            AsyncSnapshot<KeyedStateHandle> async = keyedBackend.snapshot(streams);
            keyed = async.materialize();
        }
        StreamStateHandle operatorState = operatorBackend.isEmpty() ? null
                : streams.writeExclusive("operator-state", OperatorStateSnapshotIO.write(operatorBackend.snapshot()));
        return new OperatorSnapshot(checkpointId, info.subtaskIndex(), info.parallelism(), info.maxParallelism(),
                new OperatorSubtaskState(operatorState, keyed, false));
    }

    /** Tells the keyed backend that a checkpoint completed (incremental RocksDB then reuses its files). */
    void notifyCheckpointComplete(long checkpointId) {
        if (keyedBackend != null) {
            keyedBackend.notifyCheckpointComplete(checkpointId);
        }
    }

    /** Tells the keyed backend that a checkpoint was aborted. */
    void notifyCheckpointAborted(long checkpointId) {
        if (keyedBackend != null) {
            keyedBackend.notifyCheckpointAborted(checkpointId);
        }
    }
}
