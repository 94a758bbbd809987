package io.runnel.connector.base;

import io.runnel.annotation.Public;
import io.runnel.annotation.TaskThread;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.SourceOutput;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.functions.RuntimeContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SourceReader} whose blocking reads run on a fetcher thread: a {@link SplitReader} fetches batches
 * there, a small bounded queue hands them over, and {@link #pollNext} emits them on the task thread through a
 * {@link RecordEmitter} without ever blocking. Follows Flink's {@code SourceReaderBase} (FLIP-27), with exactly
 * one fetcher thread per reader, named {@code runnel-source-fetcher-<task name>-<subtask index>}.
 *
 * <p><b>Contract:</b>
 * <ul>
 *   <li>{@code pollNext} emits at most {@value #MAX_RECORDS_PER_POLL} fetched records per call, so that it
 *       returns within about a millisecond.</li>
 *   <li>It returns {@code END_OF_INPUT} iff {@link #notifyNoMoreSplits()} was called, every assigned split was
 *       reported finished by the split reader, and every fetched record was emitted.</li>
 *   <li>If the fetcher thread fails, {@code pollNext} first finishes emitting the batch it is emitting (over
 *       as many calls as that takes), then throws the original exception (an {@code Error} as is, an
 *       {@code Exception} as is), which fails the task with that cause. Batches still queued behind it are
 *       dropped, never emitted.</li>
 *   <li>{@link #snapshotState} returns the unfinished splits at the position of the last emitted record.</li>
 * </ul>
 *
 * <p><b>Threading:</b> every method runs on the task thread (the SourceReader contract); the fetcher thread
 * touches only the split reader and the queue. Subclass hooks run on the task thread.
 *
 * <p><b>Lifecycle:</b> {@link #start()} starts the fetcher thread (subclasses call {@code super.start()} and
 * then usually request a split); {@link #close()} stops the thread and joins it, also after a failure, and
 * also when the calling thread is interrupted (its interrupt flag is set again afterwards).
 *
 * @param <E> the fetched record type
 * @param <T> the output record type
 * @param <SplitT> the split type
 * @param <SplitStateT> the mutable state of a split being read
 */
@Public
public abstract class SourceReaderBase<E, T, SplitT extends SourceSplit, SplitStateT>
        implements SourceReader<T, SplitT> {

    /** The most fetched records one {@code pollNext} call emits. */
    public static final int MAX_RECORDS_PER_POLL = 1000;

    /** Batches the fetcher may read ahead of the task: enough to overlap I/O and emitting, small for memory. */
    static final int QUEUE_CAPACITY = 2;

    protected final SourceReaderContext context;
    private final RecordEmitter<E, T, SplitStateT> recordEmitter;
    private final FetchQueue<RecordsWithSplitIds<E>> queue;
    private final SplitFetcher<E, SplitT> fetcher;

    /** Unfinished splits of this reader by id, in assignment order. */
    private final Map<String, SplitStateT> splitStates = new LinkedHashMap<>();

    private RecordsWithSplitIds<E> currentBatch;
    private SplitStateT currentSplitState;
    /** Owner: task thread. The output of the current split, from the reader output of the last poll. */
    private SourceOutput<T> currentSplitOutput;
    /** Owner: task thread. The output handed to the last {@link #pollNext}. */
    private ReaderOutput<T> readerOutput;
    private boolean noMoreSplits;
    /**
     * Owner: task thread. Splits added since the last poll, whose outputs the next poll creates before emitting
     * anything: a split's watermark must hold the reader's back from its assignment on, not only from its first
     * batch, or the first split fetched moves event time past the others' records (Flink's FLINK-26018).
     */
    private final List<String> splitsToInitializeOutput = new ArrayList<>();

    /**
     * @param splitReader the reader run on the fetcher thread; this reader owns and closes it
     * @param recordEmitter turns fetched records into output records
     * @param context the reader context (subtask index, split requests)
     */
    protected SourceReaderBase(SplitReader<E, SplitT> splitReader, RecordEmitter<E, T, SplitStateT> recordEmitter,
            SourceReaderContext context) {
        this.context = context;
        this.recordEmitter = recordEmitter;
        this.queue = new FetchQueue<>(QUEUE_CAPACITY);
        this.fetcher = new SplitFetcher<>(splitReader, queue, fetcherThreadName(context));
    }

    /** @return the name of the fetcher thread of the reader with that context */
    public static String fetcherThreadName(SourceReaderContext context) {
        RuntimeContext rc = context.getRuntimeContext();
        String task = rc == null ? "source" : rc.getTaskName();
        return "runnel-source-fetcher-" + task + "-" + context.getIndexOfSubtask();
    }

    /** @return the mutable state of a newly assigned split */
    protected abstract SplitStateT initializedState(SplitT split);

    /** @return the split, at the position its state describes, for a snapshot */
    protected abstract SplitT toSplitType(String splitId, SplitStateT splitState);

    /** Called when splits have been read completely; e.g. ask for the next split here. */
    protected abstract void onSplitFinished(Map<String, SplitStateT> finishedSplitStates);

    @Override
    @TaskThread
    public void start() throws Exception {
        fetcher.start();
    }

    @Override
    @TaskThread
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        readerOutput = output;
        if (!splitsToInitializeOutput.isEmpty()) {
            for (String splitId : splitsToInitializeOutput) {
                if (splitStates.containsKey(splitId)) {
                    output.createOutputForSplit(splitId);
                }
            }
            splitsToInitializeOutput.clear();
        }
        for (int emitted = 0; emitted < MAX_RECORDS_PER_POLL; ) {
            if (currentBatch == null && nextBatch() == null) {
                return finishedOrAvailable();
            }
            E record = currentSplitState == null ? null : currentBatch.nextRecordFromSplit();
            if (record != null) {
                recordEmitter.emitRecord(record, currentSplitOutput, currentSplitState);
                emitted++;
            } else if (!moveToNextSplit(currentBatch)) {
                finishBatch(currentBatch);
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return queue.getAvailabilityFuture();
    }

    @Override
    @TaskThread
    public void addSplits(List<SplitT> splits) {
        for (SplitT split : splits) {
            splitStates.put(split.splitId(), initializedState(split));
            splitsToInitializeOutput.add(split.splitId());
        }
        fetcher.addSplits(splits);
    }

    @Override
    @TaskThread
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        // A reader waiting with no splits must poll again to see that it has ended.
        queue.notifyAvailable();
    }

    @Override
    @TaskThread
    public List<SplitT> snapshotState(long checkpointId) {
        List<SplitT> splits = new ArrayList<>(splitStates.size());
        splitStates.forEach((id, state) -> splits.add(toSplitType(id, state)));
        return splits;
    }

    @Override
    @TaskThread
    public void close() throws Exception {
        fetcher.shutdownAndJoin();
    }

    private RecordsWithSplitIds<E> nextBatch() throws Exception {
        rethrowFetcherError();
        RecordsWithSplitIds<E> batch = queue.poll();
        currentBatch = batch;
        currentSplitState = null;
        return batch;
    }

    /** @return false when the batch has no further split */
    private boolean moveToNextSplit(RecordsWithSplitIds<E> batch) {
        String splitId = batch.nextSplit();
        if (splitId == null) {
            return false;
        }
        currentSplitState = splitStates.get(splitId);
        // Each split emits through its own output, so that event time is generated per split (FLIP-27).
        currentSplitOutput = readerOutput.createOutputForSplit(splitId);
        if (currentSplitState == null) {
            throw new IllegalStateException("Fetched records of split " + splitId + ", which is not assigned to "
                    + "this reader (assigned: " + splitStates.keySet() + ")");
        }
        return true;
    }

    private void finishBatch(RecordsWithSplitIds<E> batch) {
        currentBatch = null;
        currentSplitState = null;
        if (batch.finishedSplits().isEmpty()) {
            return;
        }
        Map<String, SplitStateT> finished = new LinkedHashMap<>();
        for (String id : batch.finishedSplits()) {
            SplitStateT state = splitStates.remove(id);
            if (state != null) {
                finished.put(id, state);
                readerOutput.releaseOutputForSplit(id);
            }
        }
        onSplitFinished(finished);
    }

    /**
     * Decides between "nothing for now" and "ended" once the queue is drained. Checks the fetcher's error after
     * the poll that may have reset the availability future, so that a failure signalled in between is not lost.
     */
    private InputStatus finishedOrAvailable() throws Exception {
        rethrowFetcherError();
        if (noMoreSplits && splitStates.isEmpty() && queue.isEmpty()) {
            return InputStatus.END_OF_INPUT;
        }
        return queue.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    private void rethrowFetcherError() throws Exception {
        Throwable t = fetcher.error();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException("Fetcher thread failed", t);
        }
    }
}
