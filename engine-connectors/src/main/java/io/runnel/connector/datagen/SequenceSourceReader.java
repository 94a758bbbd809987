package io.runnel.connector.datagen;

import io.runnel.annotation.TaskThread;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Emits the numbers of its {@link SequenceSplit}s on the task thread, {@value #BATCH_SIZE} per {@code pollNext},
 * asking for the next split when one is done.
 *
 * <p><b>Contract:</b> emits every number of each assigned split exactly once, in increasing order per split.
 * The hot loop allocates nothing but the {@code Long} box of each record.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> {@link #start()} asks for a split; no resources to close.
 */
final class SequenceSourceReader implements SourceReader<Long, SequenceSplit> {

    /** Numbers per {@code pollNext}: about 10-50 µs of work, well inside the 1 ms budget. */
    static final int BATCH_SIZE = 1024;

    private final PendingSplits<SequenceSplit> pending;

    /** The current split: id, next number and last number (inclusive); {@code currentId == null} if none. */
    private String currentId;
    private long next;
    private long last;

    SequenceSourceReader(SourceReaderContext context) {
        this.pending = new PendingSplits<>(context);
    }

    @Override
    @TaskThread
    public void start() {
        pending.requestSplit();
    }

    @Override
    @TaskThread
    public InputStatus pollNext(ReaderOutput<Long> output) {
        if (currentId == null && !startNextSplit()) {
            return pending.statusWhenIdle();
        }
        final long from = next;
        final long remainingMinusOne = last - from;
        if (remainingMinusOne >= BATCH_SIZE) {
            final long end = from + BATCH_SIZE;
            for (long v = from; v < end; v++) {
                output.collect(v);
            }
            next = end;
            return InputStatus.MORE_AVAILABLE;
        }
        // The last batch of the split; counted by offset so that a split ending at Long.MAX_VALUE cannot overflow.
        final int count = (int) remainingMinusOne;
        for (int i = 0; i <= count; i++) {
            output.collect(from + i);
        }
        currentId = null;
        pending.requestSplit();
        return InputStatus.MORE_AVAILABLE;
    }

    private boolean startNextSplit() {
        SequenceSplit split = pending.poll();
        if (split == null) {
            return false;
        }
        currentId = split.splitId();
        next = split.next();
        last = split.last();
        return true;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return pending.availability();
    }

    @Override
    @TaskThread
    public void addSplits(List<SequenceSplit> splits) {
        pending.add(splits);
    }

    @Override
    @TaskThread
    public void notifyNoMoreSplits() {
        pending.noMoreSplits();
    }

    @Override
    @TaskThread
    public List<SequenceSplit> snapshotState(long checkpointId) {
        List<SequenceSplit> splits = new ArrayList<>();
        if (currentId != null) {
            splits.add(new SequenceSplit(currentId, next, last));
        }
        splits.addAll(pending.snapshot());
        return splits;
    }

    @Override
    public void close() {
        // Nothing to release: the reader holds no I/O resources.
    }
}
