package io.runnel.runtime.tasks;

import io.runnel.api.common.OutputTag;
import io.runnel.api.environment.CheckpointConfig;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.graph.ChainedOperator;
import io.runnel.graph.JobVertex;
import io.runnel.graph.OperatorSpec;
import io.runnel.runtime.checkpoint.OperatorIds;
import io.runnel.runtime.checkpoint.TaskRestore;
import io.runnel.runtime.network.RecordWriter;
import io.runnel.runtime.operators.OperatorFactory;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.RecordWriterOutput;
import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.operators.StreamOperatorParameters;
import io.runnel.runtime.operators.StreamingRuntimeContext;
import io.runnel.runtime.operators.TaskInfo;
import io.runnel.runtime.operators.timers.ProcessingTimeService;
import io.runnel.runtime.tasks.mailbox.MailboxExecutor;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.StateBackend;
import io.runnel.state.TtlTimeProvider;
import io.runnel.state.operator.DefaultOperatorStateBackend;
import io.runnel.state.operator.OperatorStateSnapshotIO;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The operators of one task, wired head to tail: chained outputs call the next operator directly, network
 * outputs go to record writers. After Flink's {@code OperatorChain}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> {@link #create}, {@link #open()} (tail first, so consumers are ready before producers
 * emit), {@link #finish()} (head first, so final results flow through operators that are still open),
 * {@link #close()} (always).
 */
final class OperatorChain {

    private static final Output<Object> DISCARDING = new Output<>() {
        @Override
        public void collect(StreamRecord<Object> record) {
            // Only sinks have no outputs, and sinks do not emit.
        }

        @Override
        public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
            // A side output nobody reads.
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            // As above.
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            // As above.
        }
    };

    private final StreamOperator[] operators;
    /** Per operator, the id its state is stored under. */
    private final String[] operatorIds;
    /** Per operator, its keyed backend or null. */
    private final KeyedStateBackend<?>[] keyedBackends;
    /** Per operator, its operator-state backend. */
    private final DefaultOperatorStateBackend[] operatorBackends;
    /** The operators' shared processing-time service. */
    private final ProcessingTimeService processingTimeService;

    private OperatorChain(StreamOperator[] operators, String[] operatorIds, KeyedStateBackend<?>[] keyedBackends,
                          DefaultOperatorStateBackend[] operatorBackends,
                          ProcessingTimeService processingTimeService) {
        this.processingTimeService = processingTimeService;
        this.operators = operators;
        this.operatorIds = operatorIds;
        this.keyedBackends = keyedBackends;
        this.operatorBackends = operatorBackends;
    }

    /**
     * The synchronous part of one operator's snapshot.
     *
     * @param operatorId the operator's state id
     * @param keyed the keyed backend's asynchronous part, or null for a non-keyed operator
     * @param operatorState the operator state, serialized on the task thread, or null if it has none
     */
    record OperatorSnapshot(String operatorId, AsyncSnapshot<KeyedStateHandle> keyed, byte[] operatorState) {
    }

    /**
     * Creates the chain's operators from the job graph.
     *
     * @param env the task's environment
     * @param writers record writers by job edge id
     * @param mailboxExecutor the task's mailbox executor
     * @throws Exception if user code cannot be deserialized, a state backend cannot be created, or the state to
     *     restore cannot be read
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static OperatorChain create(TaskEnvironment env, Map<Integer, RecordWriter<?>> writers,
                                MailboxExecutor mailboxExecutor) throws Exception {
        JobVertex vertex = env.vertex();
        TaskInfo info = env.taskInfo();
        StreamOperator[] ops = new StreamOperator[vertex.operators().size()];
        String[] ids = new String[ops.length];
        KeyedStateBackend<?>[] keyedBackends = new KeyedStateBackend<?>[ops.length];
        DefaultOperatorStateBackend[] operatorBackends = new DefaultOperatorStateBackend[ops.length];
        ProcessingTimeService processingTimeService = new ProcessingTimeService(env.timerService(), mailboxExecutor);
        try {
            createOperators(env, writers, mailboxExecutor, processingTimeService, ops, ids, keyedBackends,
                    operatorBackends);
        } catch (Exception e) {
            for (KeyedStateBackend<?> b : keyedBackends) {
                if (b != null) {
                    b.close();
                }
            }
            throw e;
        }
        return new OperatorChain(ops, ids, keyedBackends, operatorBackends, processingTimeService);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void createOperators(TaskEnvironment env, Map<Integer, RecordWriter<?>> writers,
                                        MailboxExecutor mailboxExecutor,
                                        ProcessingTimeService processingTimeService, StreamOperator[] ops,
                                        String[] ids,
                                        KeyedStateBackend<?>[] keyedBackends,
                                        DefaultOperatorStateBackend[] operatorBackends) throws Exception {
        JobVertex vertex = env.vertex();
        TaskInfo info = env.taskInfo();
        for (int i = ops.length - 1; i >= 0; i--) {
            ChainedOperator cfg = vertex.operators().get(i);
            OperatorSpec spec = cfg.spec().deserialize(info.userClassLoader());
            List<Output<?>> outputs = new ArrayList<>();
            for (int k = 0; k < cfg.chainedOutputs().size(); k++) {
                outputs.add(OperatorFactory.chainTo(ops[cfg.chainedOutputs().get(k)], cfg.chainedOutputTags().get(k)));
            }
            for (int k = 0; k < cfg.networkOutputs().size(); k++) {
                outputs.add(new RecordWriterOutput(writers.get(cfg.networkOutputs().get(k)),
                        cfg.networkOutputTags().get(k)));
            }
            Output<?> output = outputs.isEmpty() ? DISCARDING : OperatorFactory.broadcast(outputs);
            ids[i] = OperatorIds.of(cfg);
            TaskRestore.OperatorRestore restore = env.restore() == null ? null : env.restore().operator(ids[i]);
            KeyedStateBackend<Object> backend = OperatorSpec.isKeyed(spec)
                    ? createKeyedBackend(env, cfg.name(), OperatorSpec.keyTypeOf(spec).createSerializer(), restore)
                    : null;
            keyedBackends[i] = backend;
            operatorBackends[i] = OperatorStateRestore.restore(restore, info, cfg.name());
            StreamingRuntimeContext ctx = new StreamingRuntimeContext(info, env.accumulators(), backend, cfg.name(),
                    CheckpointConfig.isEnabled(env.configuration()));
            ops[i] = OperatorFactory.create(spec, new StreamOperatorParameters(output, ctx, backend,
                    mailboxExecutor, env.eventGateway(), processingTimeService, env.configuration(),
                    operatorBackends[i]));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static KeyedStateBackend<Object> createKeyedBackend(TaskEnvironment env, String operatorName,
                                                                TypeSerializer keySerializer,
                                                                TaskRestore.OperatorRestore restore)
            throws Exception {
        TaskInfo info = env.taskInfo();
        KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                info.maxParallelism(), info.parallelism(), info.subtaskIndex());
        StateBackend backend = StateBackend.fromConfiguration(env.configuration());
        List<KeyedStateHandle> handles = restore == null ? List.of() : restore.keyedState();
        return backend.createKeyedStateBackend(new KeyedStateBackendParameters<>(operatorName, range,
                info.maxParallelism(), keySerializer, info.userClassLoader(), TtlTimeProvider.SYSTEM, handles));
    }

    /**
     * Takes the synchronous part of the snapshot of every operator: each writes its in-memory state into its
     * backends, then every backend's snapshot starts. On failure, parts already started are cancelled.
     *
     * @throws Exception from an operator or a backend
     */
    List<OperatorSnapshot> snapshotState(long checkpointId, long timestampMillis, CheckpointStreamFactory streams)
            throws Exception {
        for (StreamOperator op : operators) {
            op.snapshotState(checkpointId, timestampMillis);
        }
        List<OperatorSnapshot> parts = new ArrayList<>(operators.length);
        try {
            for (int i = 0; i < operators.length; i++) {
                AsyncSnapshot<KeyedStateHandle> keyed = keyedBackends[i] == null ? null
                        : keyedBackends[i].snapshot(streams);
                byte[] operatorState = operatorBackends[i].isEmpty() ? null
                        : OperatorStateSnapshotIO.write(operatorBackends[i].snapshot());
                parts.add(new OperatorSnapshot(operatorIds[i], keyed, operatorState));
            }
        } catch (Exception e) {
            for (OperatorSnapshot part : parts) {
                if (part.keyed() != null) {
                    part.keyed().cancel();
                }
            }
            throw e;
        }
        return parts;
    }

    /** Tells every backend and operator that a checkpoint completed. @throws Exception from an operator */
    void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (int i = 0; i < operators.length; i++) {
            if (keyedBackends[i] != null) {
                keyedBackends[i].notifyCheckpointComplete(checkpointId);
            }
            operators[i].notifyCheckpointComplete(checkpointId);
        }
    }

    /** Tells every backend and operator that a checkpoint was aborted. @throws Exception from an operator */
    void notifyCheckpointAborted(long checkpointId) throws Exception {
        for (int i = 0; i < operators.length; i++) {
            if (keyedBackends[i] != null) {
                keyedBackends[i].notifyCheckpointAborted(checkpointId);
            }
            operators[i].notifyCheckpointAborted(checkpointId);
        }
    }

    /** @return {@link StreamOperator#AVAILABLE} if every operator takes input, else a future of one that does not */
    CompletableFuture<Void> getAvailableFuture() {
        for (StreamOperator op : operators) {
            CompletableFuture<Void> f = op.getAvailableFuture();
            if (!f.isDone()) {
                return f;
            }
        }
        return StreamOperator.AVAILABLE;
    }

    /** @return {@link StreamOperator#AVAILABLE} if no operator has work in flight, else a future of one that has */
    CompletableFuture<Void> getIdleFuture() {
        for (StreamOperator op : operators) {
            CompletableFuture<Void> f = op.getIdleFuture();
            if (!f.isDone()) {
                return f;
            }
        }
        return StreamOperator.AVAILABLE;
    }

    /** @return the state ids of the chain's operators, head first */
    List<String> operatorIds() {
        return List.of(operatorIds);
    }

    /** @return the head operator */
    StreamOperator head() {
        return operators[0];
    }

    /** Opens all operators, tail first. @throws Exception from user {@code open()} */
    void open() throws Exception {
        for (int i = operators.length - 1; i >= 0; i--) {
            operators[i].open();
        }
    }

    /** Lets each operator emit its final results, head first. @throws Exception from user code */
    void finish() throws Exception {
        for (StreamOperator op : operators) {
            op.finish();
        }
    }

    /** Drops processing-time callbacks from now on (the operators finished). Task thread. */
    void quiesceProcessingTimers() {
        processingTimeService.quiesce();
    }

    private static void closeOne(StreamOperator op) throws Exception {
        if (op != null) {
            op.close();
        }
    }

    /**
     * Closes every operator, even if some fail.
     *
     * @throws Exception the first close failure, with later ones suppressed
     */
    void close() throws Exception {
        Exception first = null;
        for (StreamOperator op : operators) {
            try {
                closeOne(op);
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
