package io.runnel.runtime.operators;

import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceOutput;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ListState;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.runtime.source.OperatorEvent;
import io.runnel.state.operator.OperatorStateSnapshot;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The head of a source task: polls the {@link SourceReader} of a FLIP-27 {@link Source} on the task thread and
 * relays split assignments from the enumerator (which arrive as mails) to it. There is no source thread and no
 * checkpoint lock.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record type
 * @param <S> the split type
 */
public final class SourceOperator<T, S extends SourceSplit> implements StreamOperator, ReaderOutput<T> {

    /** The operator state that holds the reader's unfinished splits (an even split on rescaling, as in Flink). */
    static final String READER_STATE = "SourceReaderState";

    private final Source<T, S, ?> source;
    private final Output<T> output;
    /** Owner: task thread. */
    private boolean endOfInputWatermarkSent;
    private final StreamingRuntimeContext runtimeContext;
    private final OperatorEventGateway eventGateway;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);
    /** Owner: task thread. */
    private SourceReader<T, S> reader;
    /** Per-split event time, or null when the source has no watermark strategy. */
    private final SplitWatermarks<T> splitWatermarks;
    /** Where the reader's splits go at a checkpoint, and come from at a restore. */
    private final ListState<S> readerState;
    /** Owner: task thread. Set while the task waits for a stop-with-savepoint to complete: no record may follow. */
    private CompletableFuture<Void> suspended;
    /** Owner: task thread. The input ends at the next poll (stop-with-savepoint completed). */
    private boolean stopped;
    /** Owner: task thread. Whether the pending stop drains (final watermark, operators finish). */
    private boolean draining;
    /** Owner: task thread. Called at the first record, then cleared; null when nobody listens. */
    private Runnable firstRecordListener;

    /**
     * @param source the source
     * @param watermarkStrategy event time to generate per split, or null for none
     * @param parameters the operator's output, context and clocks
     */
    SourceOperator(Source<T, S, ?> source, WatermarkStrategy<T> watermarkStrategy,
                   StreamOperatorParameters<T> parameters) {
        this.source = source;
        this.output = parameters.output();
        this.runtimeContext = parameters.runtimeContext();
        this.eventGateway = parameters.eventGateway();
        this.splitWatermarks = watermarkStrategy == null ? null : new SplitWatermarks<>(watermarkStrategy, parameters);
        @SuppressWarnings("unchecked")
        TypeSerializer<S> splitSerializer = (TypeSerializer<S>) (TypeSerializer<?>) new SplitStateSerializer();
        this.readerState = parameters.operatorStateBackend().getListState(READER_STATE, splitSerializer,
                OperatorStateSnapshot.Mode.SPLIT_DISTRIBUTE);
    }

    @Override
    public void open() throws Exception {
        reader = source.createReader(new SourceReaderContext() {
            @Override
            public int getIndexOfSubtask() {
                return runtimeContext.getIndexOfThisSubtask();
            }

            @Override
            public void sendSplitRequest() {
                eventGateway.sendEventToCoordinator(new OperatorEvent.SplitRequest(getIndexOfSubtask()));
            }

            @Override
            public RuntimeContext getRuntimeContext() {
                return runtimeContext;
            }
        });
        // Register before start(): a reader may ask for splits in start(), and the enumerator may only assign
        // splits to registered readers (as in Flink's SourceOperator).
        eventGateway.sendEventToCoordinator(new OperatorEvent.ReaderRegistration(
                runtimeContext.getIndexOfThisSubtask()));
        List<S> restored = new ArrayList<>();
        readerState.get().forEach(restored::add);
        if (!restored.isEmpty()) {
            // The splits this reader had at the checkpoint, at the snapshotted positions.
            reader.addSplits(restored);
        }
        reader.start();
        if (splitWatermarks != null) {
            splitWatermarks.start();
        }
    }

    /**
     * Lets the reader emit what it has.
     *
     * @return the reader's status
     * @throws Exception from the reader or from downstream operators
     */
    public InputStatus emitNext() throws Exception {
        if (stopped) {
            return InputStatus.END_OF_INPUT;
        }
        if (suspended != null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        InputStatus status;
        try {
            status = reader.pollNext(this);
        } catch (TimestampedCollector.DownstreamException e) {
            throw UdfOperator.unwrap(e);
        }
        if (status == InputStatus.END_OF_INPUT && !endOfInputWatermarkSent && !stopped) {
            // A bounded input ends with the final watermark, so every event-time timer and window downstream
            // fires, whether or not the job assigns event time (as Flink's sources do).
            endOfInputWatermarkSent = true;
            output.emitWatermark(Watermark.MAX_WATERMARK);
        }
        return status;
    }

    /** @return a future that completes when the reader has data (the task's input availability, not the chain's) */
    public CompletableFuture<Void> getReaderAvailableFuture() {
        return suspended != null ? suspended : reader.isAvailable();
    }

    @Override
    public void snapshotState(long checkpointId, long timestampMillis) throws Exception {
        readerState.update(reader.snapshotState(checkpointId));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (reader != null) {
            reader.notifyCheckpointComplete(checkpointId);
        }
    }

    /**
     * Stop-with-savepoint: emits nothing more until {@link #resume()} or {@link #stop()}; with {@code drain}, first
     * emits the final watermark so every event-time window and timer downstream fires before the savepoint.
     *
     * @throws Exception from downstream operators firing on the final watermark
     */
    public void suspendForSavepoint(boolean drain) throws Exception {
        if (drain && !endOfInputWatermarkSent) {
            endOfInputWatermarkSent = true;
            output.emitWatermark(Watermark.MAX_WATERMARK);
        }
        draining = drain;
        suspended = new CompletableFuture<>();
        if (splitWatermarks != null) {
            // A watermark after the savepoint's barrier could fire windows whose results a resumed job emits again.
            splitWatermarks.pause(true);
        }
    }

    /** @return true if the source stopped after a stop-with-savepoint without drain */
    public boolean isSuspendedForGood() {
        return stopped && !draining;
    }

    /** The savepoint failed: reading goes on. */
    public void resume() {
        CompletableFuture<Void> s = suspended;
        suspended = null;
        if (splitWatermarks != null && !stopped) {
            splitWatermarks.pause(false);
        }
        if (s != null) {
            s.complete(null);
        }
    }

    /** The savepoint completed: the input ends (without the final watermark, unless drained). */
    public void stop() {
        stopped = true;
        resume();
    }

    /** Delivers an event from the enumerator; task thread (runs as a mail). */
    @SuppressWarnings("unchecked")
    public void handleOperatorEvent(OperatorEvent event) {
        if (event instanceof OperatorEvent.AddSplits add) {
            reader.addSplits((List<S>) add.splits());
        } else if (event instanceof OperatorEvent.NoMoreSplits) {
            reader.notifyNoMoreSplits();
        } else {
            throw new IllegalArgumentException("unexpected event for a source reader: " + event);
        }
    }

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        return splitWatermarks == null ? this : splitWatermarks.outputFor(splitId);
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        if (splitWatermarks != null) {
            splitWatermarks.release(splitId);
        }
    }

    @Override
    public void collect(T record) {
        if (splitWatermarks != null) {
            splitWatermarks.noSplitOutput().collect(record);
            return;
        }
        if (reuse.hasTimestamp()) {
            reuse.eraseTimestamp();
        }
        emit(reuse.replace(record));
    }

    @Override
    public void collect(T record, long timestamp) {
        if (splitWatermarks != null) {
            splitWatermarks.noSplitOutput().collect(record, timestamp);
            return;
        }
        emit(reuse.replace(record, timestamp));
    }

    private void emit(StreamRecord<T> record) {
        if (firstRecordListener != null) {
            Runnable listener = firstRecordListener;
            firstRecordListener = null;
            listener.run();
        }
        TimestampedCollector.emit(output, record);
    }

    /** Sets what to call when the first record is emitted (recovery time measurement). Task thread. */
    public void setFirstRecordListener(Runnable listener) {
        this.firstRecordListener = listener;
    }

    @Override
    public void finish() {
        // End of input is signalled downstream by the task (end-of-partition), not by the operator.
    }

    @Override
    public void close() throws Exception {
        if (splitWatermarks != null) {
            splitWatermarks.close();
        }
        if (reader != null) {
            SourceReader<T, S> r = reader;
            reader = null;
            r.close();
        }
    }
}
