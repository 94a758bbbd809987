package io.runnel.runtime.operators;

import io.runnel.api.functions.async.AsyncFunction;
import io.runnel.api.functions.async.ResultFuture;
import io.runnel.api.state.ListState;
import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.graph.OperatorSpec;
import io.runnel.runtime.operators.timers.ProcessingTimeService;
import io.runnel.runtime.tasks.mailbox.MailboxExecutor;
import io.runnel.runtime.tasks.mailbox.TaskMailbox;
import io.runnel.state.operator.OperatorStateSnapshot;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an {@link AsyncFunction}: each record starts a lookup; results come back on any thread and are handed to
 * the task thread as mails; at most {@code capacity} lookups are in flight. Records beyond that wait in order, and
 * the operator reports itself unavailable, so the task reads no more input until a lookup completes
 * (backpressure, without running mails inside {@code processElement}, which could snapshot a source in the middle
 * of emitting). Watermarks wait in the queue behind the records before them. At a checkpoint, every record not
 * yet emitted (also those waiting for room) is stored in operator state and looked up again after a restore, so
 * none is lost or emitted twice. After Flink's {@code AsyncWaitOperator}.
 *
 * <p>Invariant: {@code queue} holds, in arrival order, the records not yet emitted and the watermarks that arrived
 * after one of them; {@code waiting} holds the records of {@code queue} whose lookup has not started, in order;
 * {@code started} counts the records whose lookup started and has not completed, at most {@code capacity}.
 *
 * <p><b>Threading:</b> task thread only; result futures hand over through the mailbox.
 *
 * @param <IN> the input type
 * @param <OUT> the result type
 */
final class AsyncWaitOperator<IN, OUT> extends UdfOperator<AsyncFunction<IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT> {

    static final String STATE_NAME = "async-in-flight";

    private final long timeoutMillis;
    private final int capacity;
    private final boolean ordered;
    private final MailboxExecutor mailbox;
    private final ProcessingTimeService clock;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final ArrayDeque<Entry> waiting = new ArrayDeque<>();
    /** Owner: task thread. Completed when the operator takes input again; null while it does. */
    private CompletableFuture<Void> availability;
    /** Owner: task thread. Completed when nothing is in flight; null while nothing is. */
    private CompletableFuture<Void> idle;
    private final StreamRecord<OUT> reuse = new StreamRecord<>(null);
    private final ListState<InFlight<IN>> state;
    /** Owner: task thread. */
    private int started;

    @SuppressWarnings("unchecked")
    AsyncWaitOperator(OperatorSpec.AsyncSpec spec, StreamOperatorParameters<OUT> parameters) {
        super((AsyncFunction<IN, OUT>) spec.function(), parameters);
        this.timeoutMillis = spec.timeoutMillis();
        this.capacity = spec.capacity();
        this.ordered = spec.ordered();
        this.mailbox = parameters.mailboxExecutor();
        this.clock = parameters.processingTimeService();
        this.state = operatorState.getListState(STATE_NAME,
                new InFlightSerializer<>((TypeSerializer<IN>) spec.inputType().createSerializer()),
                OperatorStateSnapshot.Mode.SPLIT_DISTRIBUTE);
    }

    @Override
    public void open() throws Exception {
        super.open();
        List<InFlight<IN>> restored = new ArrayList<>();
        state.get().forEach(restored::add);
        for (InFlight<IN> e : restored) {
            // Looked up again: the checkpoint was taken before their results were emitted.
            enqueue(new Entry(e.value(), e.hasTimestamp(), e.timestamp()));
        }
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        enqueue(new Entry(record.getValue(), record.hasTimestamp(), record.hasTimestamp() ? record.getTimestamp() : 0));
    }

    private void enqueue(Entry entry) throws Exception {
        queue.add(entry);
        waiting.add(entry);
        startWaiting();
    }

    /** Starts the waiting lookups while there is room. */
    private void startWaiting() throws Exception {
        while (started < capacity && !waiting.isEmpty()) {
            Entry entry = waiting.poll();
            started++;
            entry.timer = clock.registerTimer(clock.getCurrentProcessingTime() + timeoutMillis, time -> {
                if (!entry.done) {
                    function.timeout(entry.value, entry);
                }
            });
            function.asyncInvoke(entry.value, entry);
        }
    }

    @Override
    public CompletableFuture<Void> getAvailableFuture() {
        if (waiting.isEmpty() && started < capacity) {
            return AVAILABLE;
        }
        if (availability == null) {
            availability = new CompletableFuture<>();
        }
        return availability;
    }

    @Override
    public CompletableFuture<Void> getIdleFuture() {
        if (queue.isEmpty()) {
            return AVAILABLE;
        }
        if (idle == null) {
            idle = new CompletableFuture<>();
        }
        return idle;
    }

    @Override
    public void processWatermark(Watermark watermark) throws Exception {
        if (queue.isEmpty()) {
            output.emitWatermark(watermark);
        } else {
            queue.add(watermark);
        }
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        output.emitWatermarkStatus(status);
    }

    /** A lookup completed (task thread, as a mail): emits what may leave now. */
    private void complete(Entry entry, Collection<OUT> results, Throwable error) throws Exception {
        if (entry.done) {
            return;
        }
        entry.done = true;
        started--;
        if (entry.timer != null) {
            entry.timer.cancel(false);
        }
        if (error != null) {
            throw error instanceof Exception e ? e : new IllegalStateException(error);
        }
        entry.results = results;
        startWaiting();
        emitReady();
        if (availability != null && waiting.isEmpty() && started < capacity) {
            CompletableFuture<Void> f = availability;
            availability = null;
            f.complete(null);
        }
        if (idle != null && queue.isEmpty()) {
            CompletableFuture<Void> f = idle;
            idle = null;
            f.complete(null);
        }
    }

    @SuppressWarnings("unchecked")
    private Entry asEntry(Object queued) {
        return (Entry) queued;
    }

    /** Ordered: the completed head; unordered: every completed record not behind a waiting watermark. */
    private void emitReady() throws Exception {
        Iterator<Object> it = queue.iterator();
        boolean blocked = false;
        while (it.hasNext()) {
            Object head = it.next();
            if (head instanceof Watermark w) {
                if (blocked) {
                    return;
                }
                output.emitWatermark(w);
                it.remove();
            } else {
                Entry e = asEntry(head);
                if (e.done) {
                    // Unordered: a completed record may pass pending ones, but never a watermark before it.
                    emit(e);
                    it.remove();
                } else if (ordered) {
                    return;
                } else {
                    blocked = true;
                }
            }
        }
    }

    private void emit(Entry e) throws Exception {
        for (OUT result : e.results) {
            if (e.hasTimestamp) {
                reuse.replace(result, e.timestamp);
            } else {
                reuse.eraseTimestamp();
                reuse.replace(result);
            }
            output.collect(reuse);
        }
    }

    @Override
    public void snapshotState(long checkpointId, long timestampMillis) throws Exception {
        List<InFlight<IN>> inFlight = new ArrayList<>();
        for (Object o : queue) {
            if (!(o instanceof Watermark)) {
                Entry e = asEntry(o);
                inFlight.add(new InFlight<>(e.value, e.hasTimestamp, e.timestamp));
            }
        }
        state.update(inFlight);
        super.snapshotState(checkpointId, timestampMillis);
    }

    /** End of input: the task waited for {@link #getIdleFuture()}, so every result is out. */
    @Override
    public void finish() throws Exception {
        emitReady();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        for (Object o : queue) {
            if (!(o instanceof Watermark) && asEntry(o).timer != null) {
                asEntry(o).timer.cancel(false);
            }
        }
        super.close();
    }

    /** One record in flight, and the result future its lookup completes (from any thread). */
    private final class Entry implements ResultFuture<OUT> {
        final IN value;
        final boolean hasTimestamp;
        final long timestamp;
        private final AtomicBoolean handedOver = new AtomicBoolean();
        /** Owner: task thread. */
        boolean done;
        /** Owner: task thread. */
        Collection<OUT> results;
        /** Owner: task thread. */
        ScheduledFuture<?> timer;

        Entry(IN value, boolean hasTimestamp, long timestamp) {
            this.value = value;
            this.hasTimestamp = hasTimestamp;
            this.timestamp = timestamp;
        }

        @Override
        public void complete(Collection<OUT> values) {
            handOver(List.copyOf(values), null);
        }

        @Override
        public void completeExceptionally(Throwable error) {
            handOver(null, error);
        }

        private void handOver(Collection<OUT> values, Throwable error) {
            if (!handedOver.compareAndSet(false, true)) {
                return;
            }
            try {
                mailbox.execute(() -> AsyncWaitOperator.this.complete(this, values, error), "async result");
            } catch (TaskMailbox.MailboxClosedException e) {
                // The task has ended (failed or cancelled): the result has nowhere to go.
                return;
            }
        }
    }

    /**
     * A record stored in a checkpoint because its results were not emitted yet.
     *
     * @param value the input
     * @param hasTimestamp whether it had an event timestamp
     * @param timestamp the timestamp, ms (0 if none)
     * @param <IN> the input type
     */
    record InFlight<IN>(IN value, boolean hasTimestamp, long timestamp) {
    }

    /** Writes an in-flight record: whether it has a timestamp, the timestamp, the value. */
    static final class InFlightSerializer<IN> extends TypeSerializer<InFlight<IN>> {
        private static final long serialVersionUID = 1L;
        private final TypeSerializer<IN> values;

        InFlightSerializer(TypeSerializer<IN> values) {
            this.values = values;
        }

        @Override
        public void serialize(InFlight<IN> e, DataOutputView out) throws IOException {
            out.writeBoolean(e.hasTimestamp());
            out.writeLong(e.timestamp());
            values.serialize(e.value(), out);
        }

        @Override
        public InFlight<IN> deserialize(DataInputView in) throws IOException {
            boolean hasTimestamp = in.readBoolean();
            long timestamp = in.readLong();
            return new InFlight<>(values.deserialize(in), hasTimestamp, timestamp);
        }
    }
}
