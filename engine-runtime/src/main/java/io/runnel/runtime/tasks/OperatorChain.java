package io.runnel.runtime.tasks;

import io.runnel.streamrecord.WatermarkStatus;
import io.runnel.api.common.OutputTag;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.graph.ChainedOperator;
import io.runnel.graph.JobVertex;
import io.runnel.graph.OperatorSpec;
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
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private OperatorChain(StreamOperator[] operators) {
        this.operators = operators;
    }

    /**
     * Creates the chain's operators from the job graph.
     *
     * @param env the task's environment
     * @param writers record writers by job edge id
     * @param mailboxExecutor the task's mailbox executor
     * @throws Exception if user code cannot be deserialized or a state backend cannot be created
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static OperatorChain create(TaskEnvironment env, Map<Integer, RecordWriter<?>> writers,
                                MailboxExecutor mailboxExecutor) throws Exception {
        JobVertex vertex = env.vertex();
        TaskInfo info = env.taskInfo();
        StreamOperator[] ops = new StreamOperator[vertex.operators().size()];
        ProcessingTimeService processingTimeService = new ProcessingTimeService(env.timerService(), mailboxExecutor);
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
            KeyedStateBackend<Object> backend = OperatorSpec.isKeyed(spec)
                    ? createKeyedBackend(env, cfg.name(), OperatorSpec.keyTypeOf(spec).createSerializer()) : null;
            StreamingRuntimeContext ctx = new StreamingRuntimeContext(info, env.accumulators(), backend, cfg.name());
            ops[i] = OperatorFactory.create(spec, new StreamOperatorParameters(output, ctx, backend,
                    mailboxExecutor, env.eventGateway(), processingTimeService, env.configuration()));
        }
        return new OperatorChain(ops);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static KeyedStateBackend<Object> createKeyedBackend(TaskEnvironment env, String operatorName,
                                                                TypeSerializer keySerializer) throws Exception {
        TaskInfo info = env.taskInfo();
        KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                info.maxParallelism(), info.parallelism(), info.subtaskIndex());
        StateBackend backend = StateBackend.fromConfiguration(env.configuration());
        return backend.createKeyedStateBackend(new KeyedStateBackendParameters<>(operatorName, range,
                info.maxParallelism(), keySerializer, info.userClassLoader()));
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
