package io.runnel.bench;

import io.runnel.annotation.TaskThread;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Emits the generated records of its {@link IndexRangeSplit}s, at most {@value #BATCH_SIZE} per {@code pollNext},
 * asking the enumerator for the next split when one is done.
 *
 * <p><b>Contract:</b> emits the record of every index of each assigned split exactly once, in increasing index
 * order. A batch of 1,000 records (a few draws each) takes some tens of microseconds, well inside the mailbox's
 * ~1 ms budget. The availability
 * future is replaced only when {@code pollNext} answers NOTHING_AVAILABLE, and completed by a new split or by
 * no-more-splits, so a waiting reader is always woken.
 *
 * <p><b>Threading:</b> task thread only (splits and no-more-splits arrive as mails on that thread).
 *
 * <p><b>Lifecycle:</b> {@link #start()} asks for a split; no resources to close.
 *
 * @param <T> the record type
 */
final class IndexedSourceReader<T> implements SourceReader<T, IndexRangeSplit> {

    static final int BATCH_SIZE = 1000;

    private final SourceReaderContext context;
    private final IndexedGenerator<T> generator;
    /** Assigned splits not started yet; owner: task thread. */
    private final ArrayDeque<IndexRangeSplit> pending = new ArrayDeque<>();
    /** Owner: task thread. */
    private boolean noMoreSplits;
    /** Owner: task thread (completed from the task thread too). */
    private CompletableFuture<Void> availability = CompletableFuture.completedFuture(null);

    /** The current split: id, cursor at {@code next}, and end (exclusive); {@code currentId == null} if none. */
    private String currentId;
    private IndexedGenerator.Cursor<T> cursor;
    private long next;
    private long end;

    IndexedSourceReader(SourceReaderContext context, IndexedGenerator<T> generator) {
        this.context = context;
        this.generator = generator;
    }

    @Override
    @TaskThread
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    @TaskThread
    public InputStatus pollNext(ReaderOutput<T> output) {
        if (currentId == null && !startNextSplit()) {
            return statusWhenIdle();
        }
        final long batchEnd = Math.min(end, next + BATCH_SIZE);
        final IndexedGenerator.Cursor<T> c = cursor;
        for (long i = next; i < batchEnd; i++) {
            output.collect(c.next());
        }
        next = batchEnd;
        if (batchEnd == end) {
            currentId = null;
            cursor = null;
            context.sendSplitRequest();
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private boolean startNextSplit() {
        IndexRangeSplit split = pending.pollFirst();
        if (split == null) {
            return false;
        }
        currentId = split.splitId();
        next = split.next();
        end = split.end();
        cursor = generator.cursorAt(next);
        return true;
    }

    private InputStatus statusWhenIdle() {
        if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
        }
        if (availability.isDone()) {
            availability = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return availability;
    }

    @Override
    @TaskThread
    public void addSplits(List<IndexRangeSplit> splits) {
        pending.addAll(splits);
        availability.complete(null);
    }

    @Override
    @TaskThread
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        availability.complete(null);
    }

    @Override
    @TaskThread
    public List<IndexRangeSplit> snapshotState(long checkpointId) {
        List<IndexRangeSplit> splits = new ArrayList<>();
        if (currentId != null) {
            splits.add(new IndexRangeSplit(currentId, next, end));
        }
        splits.addAll(pending);
        return splits;
    }

    @Override
    public void close() {
        // Nothing to release: generators hold only shared, immutable tables, and there is no I/O.
    }
}
