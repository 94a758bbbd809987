package io.runnel.testing;

import io.runnel.annotation.Public;
import io.runnel.api.common.Accumulator;
import io.runnel.api.common.Configuration;
import io.runnel.api.environment.ExecutionOptions;
import io.runnel.graph.OperatorSpec;
import io.runnel.graph.SerializedValue;
import io.runnel.runtime.checkpoint.TaskRestore;
import io.runnel.runtime.operators.OneInputStreamOperator;
import io.runnel.runtime.operators.OperatorEventGateway;
import io.runnel.runtime.operators.OperatorFactory;
import io.runnel.runtime.operators.StreamOperatorParameters;
import io.runnel.runtime.operators.StreamingRuntimeContext;
import io.runnel.runtime.operators.TaskInfo;
import io.runnel.runtime.operators.timers.ProcessingTimeService;
import io.runnel.runtime.tasks.mailbox.MailboxExecutor;
import io.runnel.runtime.tasks.mailbox.TaskMailboxImpl;
import io.runnel.state.StateBackend;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Configures and builds {@link OneInputOperatorTestHarness}es for one operator; get one from the harness's static
 * {@code for...} methods. Each {@link #build()} deserializes a fresh copy of the operator's functions, as each
 * subtask of a job gets its own, so one builder can build the subtasks of a parallel operator and the harnesses
 * that restore them.
 *
 * <p>Defaults: parallelism 1, subtask 0, max parallelism {@code pipeline.max-parallelism} of the configuration
 * (128), state backend {@code hashmap}, processing time 0, a checkpoint directory of its own per harness under
 * {@code java.io.tmpdir}, deleted when the JVM exits.
 *
 * <p><b>Threading:</b> not thread-safe; the harness it builds belongs to the thread that calls {@link #build()}.
 *
 * @param <IN> the input type
 * @param <OUT> the main output type
 */
@Public
public final class OperatorTestHarnessBuilder<IN, OUT> {

    private static final OperatorEventGateway NO_COORDINATOR = event -> {
        throw new UnsupportedOperationException("The operator test harness runs no operator coordinator; it cannot "
                + "deliver " + event);
    };

    private final SerializedValue<OperatorSpec> spec;
    private final String operatorName;
    private final Configuration configuration = new Configuration();
    private int parallelism = 1;
    private int maxParallelism = -1;
    private int subtaskIndex;
    private long processingTimeMillis;
    private Path checkpointDirectory;
    private List<OperatorSnapshot> restoreFrom = List.of();

    OperatorTestHarnessBuilder(OperatorSpec spec) {
        if (spec instanceof OperatorSpec.SourceSpec || OperatorSpec.isTwoInput(spec)) {
            throw new IllegalArgumentException("The one-input harness cannot run " + spec.defaultName()
                    + " operators (sources and two-input operators)");
        }
        this.spec = SerializedValue.of(spec, "the function of operator '" + spec.defaultName() + "'");
        this.operatorName = spec.defaultName();
    }

    /**
     * Sets the operator's parallelism; with {@link #subtaskIndex} it decides the key groups the harness holds.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public OperatorTestHarnessBuilder<IN, OUT> parallelism(int newParallelism) {
        if (newParallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + newParallelism);
        }
        this.parallelism = newParallelism;
        return this;
    }

    /** Sets the number of key groups. @throws IllegalArgumentException if not in [1, 32768] */
    public OperatorTestHarnessBuilder<IN, OUT> maxParallelism(int newMaxParallelism) {
        if (newMaxParallelism < 1 || newMaxParallelism > 32768) {
            throw new IllegalArgumentException("max parallelism must be in [1, 32768], got " + newMaxParallelism);
        }
        this.maxParallelism = newMaxParallelism;
        return this;
    }

    /** Sets which subtask the harness runs, {@code 0 <= index < parallelism} (checked at build). */
    public OperatorTestHarnessBuilder<IN, OUT> subtaskIndex(int index) {
        this.subtaskIndex = index;
        return this;
    }

    /**
     * Chooses the state backend by name, as the {@code state.backend} key does.
     *
     * @param name {@code hashmap} or {@code rocksdb}
     */
    public OperatorTestHarnessBuilder<IN, OUT> stateBackend(String name) {
        configuration.set(StateBackend.STATE_BACKEND, name);
        return this;
    }

    /**
     * Adds configuration the operator and its state backend read (e.g. {@code state.backend.rocksdb.*} keys,
     * {@code state.storage.fs.memory-threshold}); later keys override earlier ones.
     */
    public OperatorTestHarnessBuilder<IN, OUT> configuration(Configuration more) {
        more.toMap().forEach(configuration::setString);
        return this;
    }

    /** Sets the processing time the harness starts at, in ms (default 0). */
    public OperatorTestHarnessBuilder<IN, OUT> processingTime(long startMillis) {
        this.processingTimeMillis = startMillis;
        return this;
    }

    /**
     * Sets where snapshots are written (a checkpoint storage directory; e.g. a JUnit {@code @TempDir}). It must
     * stay until the last harness restoring from them is built.
     */
    public OperatorTestHarnessBuilder<IN, OUT> checkpointDirectory(Path directory) {
        this.checkpointDirectory = directory;
        return this;
    }

    /**
     * Restores the harness from snapshots: one snapshot of the same subtask, or the snapshots of all subtasks of
     * an earlier parallelism to test rescaling. The subtask keeps the key groups of its range and its share of
     * the operator state, as a restoring job does.
     *
     * @param snapshots the snapshots of one checkpoint; none for a fresh start
     */
    public OperatorTestHarnessBuilder<IN, OUT> restoreFrom(OperatorSnapshot... snapshots) {
        return restoreFrom(List.of(snapshots));
    }

    /** As {@link #restoreFrom(OperatorSnapshot...)}. */
    public OperatorTestHarnessBuilder<IN, OUT> restoreFrom(List<OperatorSnapshot> snapshots) {
        this.restoreFrom = List.copyOf(snapshots);
        return this;
    }

    /**
     * Creates the operator with its state (restored if asked) and opens it.
     *
     * @return the harness, owned by the calling thread
     * @throws IllegalArgumentException if the subtask index does not fit the parallelism, or the snapshots do not
     *     fit the harness (see {@link #restoreFrom(OperatorSnapshot...)})
     * @throws Exception if the state backend cannot be created, the state cannot be restored, or the operator's
     *     {@code open()} fails
     */
    public OneInputOperatorTestHarness<IN, OUT> build() throws Exception {
        int maxP = maxParallelism > 0 ? maxParallelism : configuration.get(ExecutionOptions.MAX_PARALLELISM);
        if (subtaskIndex < 0 || subtaskIndex >= parallelism || parallelism > maxP) {
            throw new IllegalArgumentException("subtask " + subtaskIndex + " of parallelism " + parallelism
                    + " with max parallelism " + maxP + " does not exist");
        }
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        TaskInfo info = new TaskInfo(operatorName, subtaskIndex, parallelism, maxP, 0, classLoader);
        TaskRestore.OperatorRestore restore = restoreFrom.isEmpty() ? null
                : SnapshotAssignment.assign(restoreFrom, maxP, parallelism, subtaskIndex);
        OperatorSpec fresh = spec.deserialize(classLoader);
        ManualTimerScheduler timers = new ManualTimerScheduler(processingTimeMillis);
        Path directory = checkpointDirectory != null ? checkpointDirectory : TemporaryDirectories.create();
        HarnessState state = HarnessState.create(fresh, info, configuration, restore, timers::now, directory);
        return createAndOpen(fresh, info, timers, state);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private OneInputOperatorTestHarness<IN, OUT> createAndOpen(OperatorSpec fresh, TaskInfo info,
                                                               ManualTimerScheduler timers, HarnessState state)
            throws Exception {
        TaskMailboxImpl mailbox = new TaskMailboxImpl();
        mailbox.setOwner(Thread.currentThread());
        MailboxExecutor mailboxExecutor = new MailboxExecutor(mailbox);
        CollectingOutput<OUT> output = new CollectingOutput<>();
        Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
        OneInputStreamOperator<IN, OUT> operator;
        try {
            StreamingRuntimeContext context = new StreamingRuntimeContext(info, accumulators, state.keyedBackend(),
                    operatorName, false);
            operator = (OneInputStreamOperator<IN, OUT>) OperatorFactory.create(fresh,
                    new StreamOperatorParameters(output, context, state.keyedBackend(), mailboxExecutor,
                            NO_COORDINATOR, new ProcessingTimeService(timers, mailboxExecutor, timers::now),
                            new Configuration(configuration), state.operatorBackend()));
        } catch (RuntimeException e) {
            if (state.keyedBackend() != null) {
                state.keyedBackend().close();
            }
            throw e;
        }
        OneInputOperatorTestHarness<IN, OUT> harness = new OneInputOperatorTestHarness<>(operatorName, operator,
                output, timers, mailbox, state, accumulators, Thread.currentThread());
        try {
            operator.open();
            harness.processMails();
        } catch (Exception | Error e) {
            try {
                harness.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return harness;
    }
}
