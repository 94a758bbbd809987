package io.runnel.connector.datagen;

import io.runnel.annotation.TaskThread;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.SourceReaderContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The splits a task-thread reader has been assigned but not started, plus the reader's availability: the part
 * that in-memory readers share.
 *
 * <p><b>Contract:</b> the availability future is replaced only by {@link #statusWhenIdle()} (when it answers
 * NOTHING_AVAILABLE) and completed by {@link #add} and {@link #noMoreSplits()}, so a reader that is told to
 * wait is woken by the next split or by the end.
 *
 * <p><b>Threading:</b> task thread only (splits and no-more-splits arrive as mails on that thread).
 *
 * @param <SplitT> the split type
 */
final class PendingSplits<SplitT> {

    private final SourceReaderContext context;
    private final ArrayDeque<SplitT> splits = new ArrayDeque<>();
    private boolean noMoreSplits;
    private CompletableFuture<Void> availability = CompletableFuture.completedFuture(null);

    PendingSplits(SourceReaderContext context) {
        this.context = context;
    }

    /** Asks the enumerator for one more split. */
    @TaskThread
    void requestSplit() {
        context.sendSplitRequest();
    }

    @TaskThread
    void add(List<SplitT> newSplits) {
        splits.addAll(newSplits);
        availability.complete(null);
    }

    @TaskThread
    void noMoreSplits() {
        noMoreSplits = true;
        availability.complete(null);
    }

    /** @return the next split to read, or null if none is pending */
    @TaskThread
    SplitT poll() {
        return splits.pollFirst();
    }

    /** @return END_OF_INPUT if no split is pending and none will come, else NOTHING_AVAILABLE (with a new future) */
    @TaskThread
    InputStatus statusWhenIdle() {
        if (!splits.isEmpty()) {
            return InputStatus.MORE_AVAILABLE;
        }
        if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
        }
        if (availability.isDone()) {
            availability = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    CompletableFuture<Void> availability() {
        return availability;
    }

    /** @return the pending splits, for a snapshot */
    @TaskThread
    List<SplitT> snapshot() {
        return new ArrayList<>(splits);
    }
}
