package io.runnel.runtime.tasks;

import io.runnel.annotation.TaskThread;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.environment.CheckpointConfig;
import io.runnel.api.environment.ExecutionOptions;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.graph.JobEdge;
import io.runnel.graph.JobVertex;
import io.runnel.graph.PartitionerSpec;
import io.runnel.runtime.checkpoint.OperatorIds;
import io.runnel.runtime.checkpoint.TaskRestore;
import io.runnel.runtime.io.checkpointing.CheckpointBarrierHandler;
import io.runnel.runtime.network.ChannelSelector;
import io.runnel.runtime.network.RecordWriter;
import io.runnel.runtime.network.ResultPartition;
import io.runnel.runtime.network.StreamElementSerializer;
import io.runnel.runtime.operators.OneInputStreamOperator;
import io.runnel.runtime.operators.SourceOperator;
import io.runnel.runtime.operators.TwoInputStreamOperator;
import io.runnel.runtime.source.OperatorEvent;
import io.runnel.runtime.tasks.mailbox.Mail;
import io.runnel.runtime.tasks.mailbox.MailboxDefaultAction;
import io.runnel.runtime.tasks.mailbox.MailboxExecutor;
import io.runnel.runtime.tasks.mailbox.MailboxProcessor;
import io.runnel.runtime.tasks.mailbox.TaskMailbox;
import io.runnel.runtime.tasks.mailbox.ThrowingRunnable;
import io.runnel.streamrecord.CheckpointBarrier;
import io.runnel.streamrecord.EndOfData;
import io.runnel.streamrecord.EndOfPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one subtask: an {@link OperatorChain} fed by a {@link StreamInputProcessor}, driven by a
 * {@link MailboxProcessor} on the task thread. The hub of a task, so it only wires its collaborators: the
 * mailbox loop, the chain, the input processor and the record writers.
 *
 * <p>Output backpressure: before each batch of input the task checks that its record writers can get a buffer;
 * if not, it suspends the default action until one is recycled, and mails run meanwhile. A record that needs more
 * buffers than are free mid-batch (a broadcast, a record larger than a buffer) waits for them on the task thread;
 * cancellation still gets through because cancelling destroys the pool, which wakes that wait.
 *
 * <p><b>Threading:</b> {@link #invoke()} and everything it calls run on the task thread. {@link #cancel()} and
 * {@link #dispatchOperatorEvent} may be called from any thread: they only enqueue mails.
 *
 * <p><b>Lifecycle:</b> {@link #invoke()} once: open operators, run the loop until the input ends, finish
 * operators, send end-of-partition, close operators. On an exception it closes what it opened and rethrows.
 *
 * <p><b>Final checkpoint</b> (after Flink's FLIP-147): with checkpointing on, a task whose operators finished
 * does not end at once. It sends {@link EndOfData}, stops its processing-time timers, asks the JobManager for a
 * checkpoint, and keeps running mails and reading barriers until a checkpoint it snapshotted after finishing has
 * completed (so a two-phase-commit sink commits its last transaction, and a failure elsewhere cannot make it
 * replay records it already committed); then it waits for its producers' end of partition and ends. A task ended
 * by a stop-with-savepoint without drain neither finishes nor waits.
 */
public final class StreamTask implements MailboxDefaultAction {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTask.class);

    private final TaskEnvironment env;
    private final MailboxProcessor mailboxProcessor;
    private final AtomicBoolean flushPending = new AtomicBoolean();
    /** Owner: task thread. */
    private final List<RecordWriter<?>> recordWriters = new ArrayList<>();
    /** Owner: task thread. */
    private OperatorChain operatorChain;
    /** Owner: task thread. */
    private StreamInputProcessor inputProcessor;
    /** Owner: task thread. */
    private ScheduledFuture<?> flusher;
    private final SubtaskCheckpointCoordinator checkpoints;
    /** Owner: task thread. The stop-with-savepoint this source task waits for, or -1. */
    private long stopSavepointId = -1;
    /** Called once when a source head emits its first record (to measure recovery), or null. */
    private Runnable firstSourceRecordListener;
    /** Whether the job takes periodic checkpoints (a finished task then waits for its final one). */
    private final boolean checkpointingEnabled;
    /** Owner: task thread. Whether the operators have finished. */
    private boolean operatorsFinished;
    /** Owner: task thread. Whether the task waits for its final checkpoint. */
    private boolean awaitingFinalCheckpoint;
    /** Owner: task thread. The first checkpoint snapshotted after the operators finished, or -1. */
    private long firstCheckpointAfterFinish = -1;
    /** Completed on the task thread once a checkpoint from {@link #firstCheckpointAfterFinish} on completed. */
    private final CompletableFuture<Void> finalCheckpointCompleted = new CompletableFuture<>();

    public StreamTask(TaskEnvironment env) {
        this.env = env;
        this.mailboxProcessor = new MailboxProcessor(env.mailbox(), this);
        this.checkpoints = new SubtaskCheckpointCoordinator(env);
        this.checkpointingEnabled = CheckpointConfig.isEnabled(env.configuration());
    }

    /**
     * Runs the task to the end of its input.
     *
     * @throws Exception whatever failed the task; {@link CancelTaskException} when cancelled
     */
    @TaskThread
    public void invoke() throws Exception {
        env.mailbox().setOwner(Thread.currentThread());
        Throwable failure = null;
        try {
            Map<Integer, RecordWriter<?>> writers = createRecordWriters();
            if (isFinishedOnRestore()) {
                // Every operator had finished at the checkpoint: running it again would emit its results twice.
                LOG.info("{} had finished at the restored checkpoint; it ends at once", env.taskInfo().nameWithSubtask());
                for (RecordWriter<?> w : recordWriters) {
                    w.broadcastEvent(EndOfPartition.INSTANCE);
                }
                return;
            }
            operatorChain = OperatorChain.create(env, writers, new MailboxExecutor(env.mailbox()));
            if (firstSourceRecordListener != null && operatorChain.head() instanceof SourceOperator<?, ?> source) {
                source.setFirstRecordListener(firstSourceRecordListener);
            }
            inputProcessor = createInputProcessor();
            scheduleFlusher();
            operatorChain.open();
            mailboxProcessor.runMailboxLoop();
            boolean suspended = inputProcessor.endedBySuspend();
            if (suspended) {
                LOG.info("{} stops after a savepoint without finishing its operators",
                        env.taskInfo().nameWithSubtask());
            }
            for (RecordWriter<?> w : recordWriters) {
                w.broadcastEvent(suspended ? EndOfPartition.SUSPENDED : EndOfPartition.INSTANCE);
            }
            checkpoints.awaitPendingAcknowledgements();
        } catch (Throwable t) {
            failure = t;
        }
        closeAll(failure);
    }

    private boolean isFinishedOnRestore() {
        if (env.restore() == null) {
            return false;
        }
        for (io.runnel.graph.ChainedOperator op : env.vertex().operators()) {
            TaskRestore.OperatorRestore r = env.restore().operator(OperatorIds.of(op));
            if (r == null || !r.finished()) {
                return false;
            }
        }
        return true;
    }

    /** Sets what to call when a source head emits its first record; before {@link #invoke()}. */
    public void setFirstSourceRecordListener(Runnable listener) {
        this.firstSourceRecordListener = listener;
    }

    /** Closes everything exactly once; rethrows the task's failure with close failures suppressed. */
    private void closeAll(Throwable failure) throws Exception {
        if (flusher != null) {
            flusher.cancel(false);
        }
        if (failure != null) {
            recordWriters.forEach(RecordWriter::discard);
        }
        Throwable result = failure;
        result = closeQuietly(operatorChain == null ? null : operatorChain::close, result);
        result = closeQuietly(inputProcessor == null ? null : inputProcessor::close, result);
        if (result instanceof Exception e) {
            throw e;
        } else if (result instanceof Error e) {
            throw e;
        } else if (result != null) {
            throw new IllegalStateException(result);
        }
    }

    private static Throwable closeQuietly(AutoCloseable closeable, Throwable previous) {
        if (closeable == null) {
            return previous;
        }
        try {
            closeable.close();
            return previous;
        } catch (Exception e) {
            if (previous == null) {
                return e;
            }
            previous.addSuppressed(e);
            return previous;
        }
    }

    private Map<Integer, RecordWriter<?>> createRecordWriters() {
        JobVertex vertex = env.vertex();
        Map<Integer, RecordWriter<?>> writers = new LinkedHashMap<>();
        boolean flushAlways = env.configuration().get(ExecutionOptions.BUFFER_TIMEOUT).isZero();
        for (int i = 0; i < vertex.outputEdges().size(); i++) {
            JobEdge edge = env.jobGraph().edge(vertex.outputEdges().get(i));
            JobVertex target = env.jobGraph().vertex(edge.targetVertexId());
            ResultPartition partition = env.outputPartitions().get(i);
            PartitionerSpec spec = edge.partitioner().deserialize(env.taskInfo().userClassLoader());
            ChannelSelector<Object> selector = ChannelSelector.create(spec, env.taskInfo().subtaskIndex(),
                    vertex.parallelism(), target.parallelism(), target.maxParallelism());
            RecordWriter<?> w = new RecordWriter<>(partition, selector, elementSerializer(edge), flushAlways);
            writers.put(edge.id(), w);
            recordWriters.add(w);
        }
        return writers;
    }

    @SuppressWarnings("unchecked")
    private static StreamElementSerializer<Object> elementSerializer(JobEdge edge) {
        TypeSerializer<Object> s = (TypeSerializer<Object>) edge.recordType().createSerializer().duplicate();
        return new StreamElementSerializer<>(s);
    }

    /**
     * A source head polls its reader; any other head reads the input gate, whose channels come in the order of the
     * vertex's input edges, one per producer subtask. A two-input head gets each channel's records on the input
     * its edge feeds.
     */
    @SuppressWarnings("unchecked")
    private StreamInputProcessor createInputProcessor() {
        if (operatorChain.head() instanceof SourceOperator<?, ?> source) {
            return new SourceInputProcessor(source, env.mailbox());
        }
        List<StreamElementSerializer<Object>> perChannel = new ArrayList<>();
        List<Integer> inputOfChannel = new ArrayList<>();
        for (int edgeId : env.vertex().inputEdges()) {
            JobEdge edge = env.jobGraph().edge(edgeId);
            StreamElementSerializer<Object> s = elementSerializer(edge);
            int producers = env.jobGraph().vertex(edge.sourceVertexId()).parallelism();
            for (int i = 0; i < producers; i++) {
                perChannel.add(s);
                inputOfChannel.add(edge.inputIndex());
            }
        }
        StreamElementSerializer<Object>[] serializers = perChannel.toArray(new StreamElementSerializer[0]);
        NetworkInputProcessor processor;
        if (operatorChain.head() instanceof TwoInputStreamOperator<?, ?, ?> twoInput) {
            processor = NetworkInputProcessor.forTwoInputs(env.inputGate(), serializers,
                    inputOfChannel.stream().mapToInt(Integer::intValue).toArray(),
                    (TwoInputStreamOperator<Object, Object, ?>) twoInput, env.mailbox());
        } else {
            processor = NetworkInputProcessor.forOneInput(env.inputGate(), serializers,
                    (OneInputStreamOperator<Object, ?>) operatorChain.head(), env.mailbox());
        }
        processor.setBarrierHandler(CheckpointBarrierHandler.create(CheckpointConfig.parseMode(env.configuration()),
                serializers.length, new CheckpointBarrierHandler.Actions() {
                    @Override
                    public void triggerCheckpointOnBarrier(CheckpointBarrier barrier) throws Exception {
                        performCheckpoint(barrier);
                    }

                    @Override
                    public void abortCheckpointOnBarrier(long checkpointId, String reason) {
                        checkpoints.decline(checkpointId, new IllegalStateException(reason));
                    }

                    @Override
                    public void unblockChannel(int channel) {
                        processor.unblockChannel(channel);
                    }
                }));
        return processor;
    }

    /**
     * Triggers a checkpoint at this task, as a mail. A source's reader state is snapshotted and the barrier goes
     * out ahead of any later record; for a stop-with-savepoint the source emits nothing after the barrier. A task
     * whose producers all finished (so no barrier reaches it) checkpoints once its queued input is in. Any thread.
     */
    public void triggerCheckpointAsync(CheckpointBarrier barrier, boolean terminate, boolean drain) {
        putMail(() -> {
            if (!(operatorChain.head() instanceof SourceOperator<?, ?> source)) {
                if (!(inputProcessor instanceof NetworkInputProcessor network)) {
                    throw new IllegalStateException("checkpoint trigger for a task without input");
                }
                network.processExternalTrigger(barrier);
                return;
            }
            if (terminate && !operatorsFinished) {
                source.suspendForSavepoint(drain);
                stopSavepointId = barrier.checkpointId();
            }
            performCheckpoint(barrier);
        }, "trigger checkpoint " + barrier.checkpointId());
    }

    private void performCheckpoint(CheckpointBarrier barrier) throws Exception {
        if (operatorsFinished && firstCheckpointAfterFinish < 0) {
            firstCheckpointAfterFinish = barrier.checkpointId();
        }
        checkpoints.checkpointState(barrier, operatorChain, recordWriters);
    }

    /** Tells the operators that a checkpoint completed, as a mail. Any thread. */
    public void notifyCheckpointCompleteAsync(long checkpointId) {
        putMail(() -> {
            operatorChain.notifyCheckpointComplete(checkpointId);
            if (checkpointId == stopSavepointId && operatorChain.head() instanceof SourceOperator<?, ?> source) {
                source.stop();
            }
            if (firstCheckpointAfterFinish >= 0 && checkpointId >= firstCheckpointAfterFinish) {
                finalCheckpointCompleted.complete(null);
            }
        }, "checkpoint " + checkpointId + " complete");
    }

    /** Tells the operators that a checkpoint was aborted, as a mail. Any thread. */
    public void notifyCheckpointAbortedAsync(long checkpointId) {
        putMail(() -> {
            operatorChain.notifyCheckpointAborted(checkpointId);
            if (checkpointId == stopSavepointId && operatorChain.head() instanceof SourceOperator<?, ?> source) {
                stopSavepointId = -1;
                source.resume();
            }
        }, "checkpoint " + checkpointId + " aborted");
    }

    private void putMail(ThrowingRunnable action, String description) {
        try {
            env.mailbox().put(new Mail(() -> {
                if (operatorChain != null) {
                    action.run();
                }
            }, "%s of %s", description, env.taskInfo().nameWithSubtask()));
        } catch (TaskMailbox.MailboxClosedException e) {
            LOG.debug("Dropping '{}' for {}: the task has ended", description, env.taskInfo().nameWithSubtask());
        }
    }

    /** Sends partly filled buffers after the buffer timeout, through a mail (the writers are task-owned). */
    private void scheduleFlusher() {
        Duration timeout = env.configuration().get(ExecutionOptions.BUFFER_TIMEOUT);
        if (recordWriters.isEmpty() || timeout.isZero()) {
            return;
        }
        long ms = Math.max(1, timeout.toMillis());
        flusher = env.timerService().scheduleAtFixedRate(this::requestFlush, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void requestFlush() {
        if (flushPending.compareAndSet(false, true)) {
            try {
                env.mailbox().put(new Mail(this::flushAll, "flush output buffers of %s",
                        env.taskInfo().nameWithSubtask()));
            } catch (TaskMailbox.MailboxClosedException e) {
                // The task has ended; its flusher is being cancelled.
                flushPending.set(false);
            }
        }
    }

    private void flushAll() {
        flushPending.set(false);
        for (RecordWriter<?> w : recordWriters) {
            w.flushAll();
        }
    }

    @Override
    public void runDefaultAction(Controller controller) throws Exception {
        if (awaitingFinalCheckpoint) {
            awaitFinalCheckpoint(controller);
            return;
        }
        for (RecordWriter<?> w : recordWriters) {
            if (!w.isAvailable()) {
                Suspension s = controller.suspendDefaultAction();
                w.getAvailableFuture().thenRun(s::resume);
                return;
            }
        }
        CompletableFuture<Void> operators = operatorChain.getAvailableFuture();
        if (!operators.isDone()) {
            // An operator cannot take input (asynchronous requests at capacity): read none until it can.
            suspendUntil(controller, operators);
            return;
        }
        InputStatus status = inputProcessor.processInput();
        if (status == InputStatus.NOTHING_AVAILABLE) {
            // Going idle: send what we have rather than let it wait for the buffer timeout.
            flushAll();
            suspendUntil(controller, inputProcessor.getAvailableFuture());
        } else if (status == InputStatus.END_OF_INPUT) {
            CompletableFuture<Void> idle = operatorChain.getIdleFuture();
            if (idle.isDone()) {
                endOfInput(controller);
            } else {
                // Results of asynchronous requests still come in as mails: finish once they are all in.
                suspendUntil(controller, idle);
            }
        }
    }

    /** The input ended: finish the operators, then end now or after the final checkpoint. */
    private void endOfInput(Controller controller) throws Exception {
        if (inputProcessor.endedBySuspend()) {
            controller.allActionsCompleted();
            return;
        }
        operatorChain.finish();
        operatorsFinished = true;
        // A processing-time timer firing now would emit after the end of data.
        operatorChain.quiesceProcessingTimers();
        if (!checkpointingEnabled) {
            controller.allActionsCompleted();
            return;
        }
        for (RecordWriter<?> w : recordWriters) {
            w.broadcastEvent(EndOfData.INSTANCE);
        }
        awaitingFinalCheckpoint = true;
        LOG.debug("{} finished its operators; it ends after its final checkpoint", env.taskInfo().nameWithSubtask());
        env.checkpointResponder().requestFinalCheckpoint();
        awaitFinalCheckpoint(controller);
    }

    /**
     * Waiting for the final checkpoint: barriers and ends of partition still come in (a network input); the task
     * ends once a checkpoint it snapshotted after finishing completed and every channel is closed.
     */
    private void awaitFinalCheckpoint(Controller controller) throws Exception {
        if (inputProcessor.allChannelsClosed()) {
            if (finalCheckpointCompleted.isDone()) {
                controller.allActionsCompleted();
            } else {
                suspendUntil(controller, finalCheckpointCompleted);
            }
            return;
        }
        if (inputProcessor.processInput() == InputStatus.MORE_AVAILABLE || inputProcessor.allChannelsClosed()) {
            // Called again at once: more to read, or the last end of partition just came in.
            return;
        }
        suspendUntil(controller, finalCheckpointCompleted.isDone() ? inputProcessor.getAvailableFuture()
                : CompletableFuture.anyOf(inputProcessor.getAvailableFuture(), finalCheckpointCompleted));
    }

    private static void suspendUntil(Controller controller, CompletableFuture<?> future) {
        Suspension s = controller.suspendDefaultAction();
        future.thenRun(s::resume);
    }

    /** Asks the task to stop: a mail that unwinds the task thread with {@link CancelTaskException}. */
    public void cancel() {
        try {
            env.mailbox().put(new Mail(() -> {
                throw new CancelTaskException("task " + env.taskInfo().nameWithSubtask() + " was cancelled");
            }, "cancel %s", env.taskInfo().nameWithSubtask()));
        } catch (TaskMailbox.MailboxClosedException e) {
            // Already ended: nothing to cancel.
            return;
        }
    }

    /**
     * Delivers an event from the source coordinator to the head source operator, as a mail. An event for a task
     * that has already ended is dropped: the JobManager learns of the end from the task's own report.
     */
    public void dispatchOperatorEvent(OperatorEvent event) {
        try {
            env.mailbox().put(new Mail(() -> ((SourceOperator<?, ?>) operatorChain.head()).handleOperatorEvent(event),
                    "operator event %s for %s", event, env.taskInfo().nameWithSubtask()));
        } catch (TaskMailbox.MailboxClosedException e) {
            LOG.debug("Dropping {} for {}: the task has ended", event, env.taskInfo().nameWithSubtask());
        }
    }
}
