package io.runnel.testing;

import io.runnel.annotation.Public;
import io.runnel.api.common.Accumulator;
import io.runnel.api.common.OutputTag;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.graph.OperatorSpec;
import io.runnel.runtime.operators.OneInputStreamOperator;
import io.runnel.runtime.tasks.mailbox.Mail;
import io.runnel.runtime.tasks.mailbox.TaskMailbox;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one operator with one input the way a task would (same operator classes, same state backends, same
 * snapshot format) but driven step by step from a test: push records and watermarks, move processing time, take a
 * snapshot, restore it into a fresh harness, and read what the operator emitted, records and watermarks in one
 * ordered list. After Flink's {@code OneInputStreamOperatorTestHarness} and
 * {@code KeyedOneInputStreamOperatorTestHarness}, but one class for keyed and non-keyed operators, built with a
 * {@link OperatorTestHarnessBuilder} instead of constructors.
 *
 * <p>A keyed process function, fed, snapshotted and restored (from
 * {@code OneInputOperatorTestHarnessTest.restoredHarnessFiresTheEventTimeTimerOfTheSnapshot}; the function counts
 * per key and sets an event-time timer 100 ms after each record):
 * <pre>{@code
 * OperatorSnapshot snapshot;
 * try (OneInputOperatorTestHarness<Long, String> harness = OneInputOperatorTestHarness
 *         .forKeyedProcessFunction(new CountAndRemind(), v -> v % 3, TypeInformation.of(Long.class))
 *         .build()) {
 *     harness.processElement(4L, 10);
 *     harness.processWatermark(20);
 *     snapshot = harness.snapshot(1);
 * }
 * try (OneInputOperatorTestHarness<Long, String> restored = OneInputOperatorTestHarness
 *         .forKeyedProcessFunction(new CountAndRemind(), v -> v % 3, TypeInformation.of(Long.class))
 *         .restoreFrom(snapshot)
 *         .build()) {
 *     restored.processWatermark(200);
 *     assertEquals(List.of(OutputElement.record("1:1 EVENT_TIME@110", 110), OutputElement.watermark(200)),
 *             restored.getOutput());
 * }
 * }</pre>
 * Window operators come from the DataStream code that would build them, see {@link #forPipeline}.
 *
 * <p><b>Contract:</b> every call that feeds the operator ({@code processElement}, {@code processWatermark},
 * {@code setProcessingTime}, ...) also runs, before it returns, every mail the operator enqueued on its mailbox,
 * so a test never waits. Processing time is a manual clock starting at the builder's
 * {@link OperatorTestHarnessBuilder#processingTime(long)} (default 0): the wall clock is never read; operators see
 * this time as "now", state time-to-live reads it, and processing-time timers fire only in
 * {@link #setProcessingTime}, in time order. Output is recorded as immutable {@link OutputElement}s; the values
 * inside are not copied. A snapshot holds the operator's state and timers but, like a checkpoint, not its current
 * watermark: a restored harness starts without one (in a job, the restored task's inputs send watermarks again),
 * so send the last watermark again before data that should count as late.
 *
 * <p><b>Threading:</b> not thread-safe: every call, and the operator's user code, run on the thread that built
 * the harness (checked; other threads get an {@link IllegalStateException}). Mails put from other threads run at
 * the next call or at {@link #processMails()}.
 *
 * <p><b>Lifecycle:</b> {@link OperatorTestHarnessBuilder#build()} creates the operator (restoring its state if
 * asked) and opens it; then any number of inputs, snapshots and checkpoint notifications; then optionally
 * {@link #endInput()}; then {@link #close()}, always (it releases the state backend, native memory for RocksDB),
 * best with try-with-resources. Snapshot files stay in the checkpoint directory after {@code close()}, so a new
 * harness can restore them.
 *
 * @param <IN> the input type
 * @param <OUT> the main output type
 */
@Public
public final class OneInputOperatorTestHarness<IN, OUT> implements AutoCloseable {

    private final String operatorName;
    private final OneInputStreamOperator<IN, OUT> operator;
    private final CollectingOutput<OUT> output;
    private final ManualTimerScheduler timers;
    private final TaskMailbox mailbox;
    private final HarnessState state;
    private final Map<String, Accumulator<?, ?>> accumulators;
    private final Thread owner;
    /** Owner: harness thread. */
    private boolean closed;

    OneInputOperatorTestHarness(String operatorName, OneInputStreamOperator<IN, OUT> operator,
                                CollectingOutput<OUT> output, ManualTimerScheduler timers, TaskMailbox mailbox,
                                HarnessState state, Map<String, Accumulator<?, ?>> accumulators, Thread owner) {
        this.operatorName = operatorName;
        this.operator = operator;
        this.output = output;
        this.timers = timers;
        this.mailbox = mailbox;
        this.state = state;
        this.accumulators = accumulators;
        this.owner = owner;
    }

    /**
     * A harness for {@code keyedStream.process(function)}.
     *
     * @param function the function; each harness works on its own serialized copy
     * @param keySelector the stream's key selector
     * @param keyType the key type (for backends and timers that store keys as bytes)
     * @return a builder for the harness
     * @throws IllegalArgumentException if the function or selector is not serializable
     */
    public static <K, IN, OUT> OperatorTestHarnessBuilder<IN, OUT> forKeyedProcessFunction(
            KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector, TypeInformation<K> keyType) {
        return new OperatorTestHarnessBuilder<>(
                new OperatorSpec.KeyedProcessSpec(function, keySelector, keyType, "KeyedProcess"));
    }

    /**
     * A harness for {@code stream.process(function)} on a non-keyed stream.
     *
     * @param function the function; each harness works on its own serialized copy
     * @return a builder for the harness
     * @throws IllegalArgumentException if the function is not serializable
     */
    public static <IN, OUT> OperatorTestHarnessBuilder<IN, OUT> forProcessFunction(
            ProcessFunction<IN, OUT> function) {
        return new OperatorTestHarnessBuilder<>(new OperatorSpec.ProcessSpec(function));
    }

    /**
     * A harness for the one operator that {@code pipeline} applies to its input, written as DataStream code; this
     * is how to test window operators, with all their options (from
     * {@code OneInputOperatorTestHarnessTest.aRestoredOperatorStartsWithoutAWatermark}):
     * <pre>{@code
     * var pipeline = OneInputOperatorTestHarness.<Long, Long>forPipeline(TypeInformation.of(Long.class),
     *         in -> in.keyBy(v -> v % 3).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
     *                 .reduce(Long::sum));
     * }</pre>
     *
     * @param inputType the type of the records the operator reads
     * @param pipeline applies exactly one operator (a {@code keyBy} before it is allowed) to the given stream; it
     *     must not read any other stream
     * @return a builder for the harness
     * @throws IllegalArgumentException if the pipeline applies no operator or more than one, or its functions are
     *     not serializable
     */
    public static <IN, OUT> OperatorTestHarnessBuilder<IN, OUT> forPipeline(
            TypeInformation<IN> inputType, Function<DataStream<IN>, ? extends DataStream<OUT>> pipeline) {
        return new OperatorTestHarnessBuilder<>(PipelineSpecs.singleOperator(inputType, pipeline));
    }

    /** Pushes a record with event time {@code timestampMillis}. @throws Exception from the operator */
    public void processElement(IN value, long timestampMillis) throws Exception {
        process(new StreamRecord<>(value, timestampMillis));
    }

    /** Pushes a record without an event time. @throws Exception from the operator */
    public void processElement(IN value) throws Exception {
        process(new StreamRecord<>(value));
    }

    private void process(StreamRecord<IN> record) throws Exception {
        checkOpen();
        operator.processElement(record);
        runMails();
    }

    /**
     * Pushes a watermark: event-time timers at or before it fire, then (for most operators) it is forwarded.
     *
     * @throws Exception from the operator
     */
    public void processWatermark(long timestampMillis) throws Exception {
        checkOpen();
        operator.processWatermark(new Watermark(timestampMillis));
        runMails();
    }

    /** Tells the operator that its input went idle ({@code idle}) or active. @throws Exception from it */
    public void processWatermarkStatus(boolean idle) throws Exception {
        checkOpen();
        operator.processWatermarkStatus(idle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
        runMails();
    }

    /**
     * Moves processing time to {@code timeMillis} and fires, in time order, every processing-time callback due at
     * or before it (each with the mails it causes) before returning.
     *
     * @throws IllegalArgumentException if {@code timeMillis} is before the current processing time
     * @throws Exception from the operator's timer callbacks
     */
    public void setProcessingTime(long timeMillis) throws Exception {
        checkOpen();
        timers.advanceTo(timeMillis);
        runMails();
        while (timers.runNextDue()) {
            runMails();
        }
    }

    /** @return the current processing time in ms */
    public long getProcessingTime() {
        return timers.now();
    }

    /**
     * Runs the mails waiting in the operator's mailbox, including those put by other threads.
     *
     * @return how many ran
     * @throws Exception from a mail
     */
    public int processMails() throws Exception {
        checkOpen();
        return runMails();
    }

    private int runMails() throws Exception {
        int count = 0;
        Mail mail;
        while ((mail = mailbox.tryTake()) != null) {
            mail.run();
            count++;
        }
        return count;
    }

    /** @return everything emitted on the main output since the start (or {@link #clearOutput()}), in order */
    public List<OutputElement> getOutput() {
        checkThread();
        return output.main();
    }

    /** @return the values of the records of {@link #getOutput()}, without timestamps and watermarks */
    @SuppressWarnings("unchecked")
    public List<OUT> getOutputValues() {
        List<OUT> values = new ArrayList<>();
        for (OutputElement e : getOutput()) {
            if (e instanceof OutputElement.Record<?> r) {
                values.add((OUT) r.value());
            }
        }
        return values;
    }

    /** @return the records emitted to the side output {@code tag}, in order; empty if none */
    public <X> List<OutputElement.Record<X>> getSideOutput(OutputTag<X> tag) {
        checkThread();
        return output.side(tag.getId());
    }

    /** @return the values of {@link #getSideOutput(OutputTag)} */
    public <X> List<X> getSideOutputValues(OutputTag<X> tag) {
        return getSideOutput(tag).stream().map(OutputElement.Record::value).toList();
    }

    /** Forgets the output recorded so far (main and side outputs). */
    public void clearOutput() {
        checkThread();
        output.clear();
    }

    /**
     * @return the local values of the accumulators the operator (or its function) registered, by name, such as
     *     window operators' {@code numLateRecordsDropped}
     */
    public Map<String, Object> getAccumulatorResults() {
        checkThread();
        Map<String, Object> results = new LinkedHashMap<>();
        accumulators.forEach((name, acc) -> results.put(name, acc.getLocalValue()));
        return results;
    }

    /**
     * Takes a checkpoint of the operator, as a task does at a barrier, with the asynchronous part done before
     * this returns. The operator is not notified that it completed; call {@link #notifyCheckpointComplete}.
     *
     * @param checkpointId the checkpoint id; use increasing ids, as the engine does
     * @return the snapshot, to restore with {@link OperatorTestHarnessBuilder#restoreFrom}
     * @throws Exception from the operator or the state backend
     */
    public OperatorSnapshot snapshot(long checkpointId) throws Exception {
        checkOpen();
        OperatorSnapshot snapshot = state.snapshot(checkpointId, operator, timers.now());
        runMails();
        return snapshot;
    }

    /** Tells the backend and operator that checkpoint {@code checkpointId} completed. @throws Exception from it */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        checkOpen();
        state.notifyCheckpointComplete(checkpointId);
        operator.notifyCheckpointComplete(checkpointId);
        runMails();
    }

    /** Tells the backend and operator that checkpoint {@code checkpointId} was aborted. @throws Exception */
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        checkOpen();
        state.notifyCheckpointAborted(checkpointId);
        operator.notifyCheckpointAborted(checkpointId);
        runMails();
    }

    /**
     * Ends the input, as a bounded source's end does: the operator emits its final results ({@code finish()}).
     * Event-time windows fire on a final {@code processWatermark(Long.MAX_VALUE)} instead.
     *
     * @throws Exception from the operator
     */
    public void endInput() throws Exception {
        checkOpen();
        operator.finish();
        runMails();
    }

    /** @return the operator under test, for assertions the harness does not offer */
    public OneInputStreamOperator<IN, OUT> getOperator() {
        return operator;
    }

    /**
     * Closes the operator and its state backend; later calls other than reading output fail. Mails still queued
     * and processing-time callbacks not yet due are dropped. Does nothing if already closed.
     *
     * @throws Exception from the operator's {@code close()}
     */
    @Override
    public void close() throws Exception {
        checkThread();
        if (closed) {
            return;
        }
        closed = true;
        timers.shutdownNow();
        mailbox.close();
        operator.close();
    }

    private void checkOpen() {
        checkThread();
        if (closed) {
            throw new IllegalStateException("The harness of '" + operatorName + "' is closed");
        }
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("The harness of '" + operatorName + "' was built on thread "
                    + owner.getName() + " and must be used there, not on " + Thread.currentThread().getName());
        }
    }
}
