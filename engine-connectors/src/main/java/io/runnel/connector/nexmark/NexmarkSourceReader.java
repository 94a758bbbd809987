package io.runnel.connector.nexmark;

import io.runnel.annotation.TaskThread;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.SourceOutput;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Generates the events of its {@link NexmarkSplit}s on the task thread, {@value #BATCH_SIZE} per {@code pollNext},
 * taking its splits in turns.
 *
 * <p><b>Contract:</b> emits every id of each assigned split exactly once, in increasing order per split, through the
 * split's own output and with the event time as timestamp. Splits are served round-robin, one batch each, because
 * an unbounded split never ends: a reader that holds several (after a restore at a lower parallelism) must advance
 * them all. {@link #snapshotState} lists the splits in their turn order at their next ids, so a reader restored
 * from it emits exactly what this one would have emitted next.
 *
 * <p><b>Threading:</b> task thread only; the availability future is completed on the task thread too (splits and
 * the end arrive as mails).
 *
 * <p><b>Lifecycle:</b> {@link #start()} asks for a split, and so does the end of each split; no resources to
 * close.
 */
final class NexmarkSourceReader implements SourceReader<NexmarkEvent, NexmarkSplit> {

    /** Events per {@code pollNext}: about 1 µs each (measured 0.65-0.9 µs, most of it random text), so ~0.1 ms. */
    static final int BATCH_SIZE = 128;

    private final NexmarkGenerator generator;
    private final SourceReaderContext context;
    /** The assigned, unfinished splits; the first one's turn is next. Owner: task thread. */
    private final ArrayDeque<Cursor> splits = new ArrayDeque<>();
    /** Owner: task thread. */
    private boolean noMoreSplits;
    /** Replaced when the reader goes idle, completed by new splits or the end. Owner: task thread. */
    private CompletableFuture<Void> availability = CompletableFuture.completedFuture(null);

    NexmarkSourceReader(NexmarkGenerator generator, SourceReaderContext context) {
        this.generator = generator;
        this.context = context;
    }

    /** A split's position; mutable, unlike {@link NexmarkSplit}, so the hot loop allocates no split per event. */
    private static final class Cursor {
        final String splitId;
        final long stride;
        final long endEventId;
        long nextEventId;

        Cursor(NexmarkSplit split) {
            this.splitId = split.splitId();
            this.stride = split.stride();
            this.endEventId = split.endEventId();
            this.nextEventId = split.nextEventId();
        }

        NexmarkSplit toSplit() {
            return new NexmarkSplit(splitId, nextEventId, stride, endEventId);
        }
    }

    @Override
    @TaskThread
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    @TaskThread
    public InputStatus pollNext(ReaderOutput<NexmarkEvent> output) {
        Cursor cursor = splits.pollFirst();
        if (cursor == null) {
            return idleStatus();
        }
        SourceOutput<NexmarkEvent> splitOutput = output.createOutputForSplit(cursor.splitId);
        for (int i = 0; i < BATCH_SIZE; i++) {
            long id = cursor.nextEventId;
            splitOutput.collect(generator.eventAt(id), generator.eventTimeMillis(id));
            // Compared as a difference, so a split that ends at Long.MAX_VALUE cannot overflow.
            if (cursor.endEventId - id <= cursor.stride) {
                output.releaseOutputForSplit(cursor.splitId);
                context.sendSplitRequest();
                return InputStatus.MORE_AVAILABLE;
            }
            cursor.nextEventId = id + cursor.stride;
        }
        splits.addLast(cursor);
        return InputStatus.MORE_AVAILABLE;
    }

    private InputStatus idleStatus() {
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
    public void addSplits(List<NexmarkSplit> newSplits) {
        for (NexmarkSplit split : newSplits) {
            splits.addLast(new Cursor(split));
        }
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
    public List<NexmarkSplit> snapshotState(long checkpointId) {
        List<NexmarkSplit> state = new ArrayList<>(splits.size());
        for (Cursor cursor : splits) {
            state.add(cursor.toSplit());
        }
        return state;
    }

    @Override
    public void close() {
        // Nothing to release: events are computed, not read.
    }
}
