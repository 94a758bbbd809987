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
import io.runnel.state.operator.OperatorStateRedistributor;
import io.runnel.state.operator.OperatorStateSnapshot;
import io.runnel.state.operator.OperatorStateSnapshotIO;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStateOutputStream;
import io.runnel.state.snapshot.FsCheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.SnapshotType;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        if (restore == null) {
            return new DefaultOperatorStateBackend();
        }
        List<OperatorStateSnapshot> old = new ArrayList<>();
        for (StreamStateHandle h : restore.operatorStates()) {
            if (h == null) {
                old.add(null);
                continue;
            }
            try (InputStream in = h.openInputStream()) {
                old.add(OperatorStateSnapshotIO.read(in, info.userClassLoader(), h + " of " + info.taskName()));
            }
        }
        if (old.stream().allMatch(s -> s == null)) {
            return new DefaultOperatorStateBackend(new OperatorStateSnapshot(Map.of()));
        }
        List<OperatorStateSnapshot> shares = OperatorStateRedistributor.redistribute(old, info.parallelism());
        return new DefaultOperatorStateBackend(shares.get(info.subtaskIndex()));
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
                : write(streams, OperatorStateSnapshotIO.write(operatorBackend.snapshot()));
        return new OperatorSnapshot(checkpointId, info.subtaskIndex(), info.parallelism(), info.maxParallelism(),
                new OperatorSubtaskState(operatorState, keyed, false));
    }

    private static StreamStateHandle write(FsCheckpointStreamFactory streams, byte[] bytes) throws IOException {
        CheckpointStateOutputStream out = streams.createExclusiveStream("operator-state");
        try {
            out.write(bytes);
            return out.closeAndGetHandle();
        } catch (IOException e) {
            out.close();
            throw e;
        }
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
