package io.runnel.connector.base;

import io.runnel.annotation.MainThread;
import io.runnel.annotation.Public;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands out a fixed list of splits, one per request, in list order; a reader that asks when none is left is
 * told that there will be no more. Readers that finish a split and ask again balance the load by themselves.
 *
 * <p><b>Contract:</b> every split is assigned to exactly one reader (plus once more for each time it comes back
 * through {@link #addSplitsBack}); {@code signalNoMoreSplits(s)} is sent in answer to every request of subtask
 * {@code s} made while no split is left.
 *
 * <p><b>Threading:</b> JobManager main thread only (the SplitEnumerator contract).
 *
 * <p><b>Lifecycle:</b> created with all its splits; {@link #start()} does nothing.
 *
 * @param <SplitT> the split type
 */
@Public
public final class StaticSplitEnumerator<SplitT extends SourceSplit> implements SplitEnumerator<SplitT, List<SplitT>> {

    private final SplitEnumeratorContext<SplitT> context;
    private final ArrayDeque<SplitT> remaining;

    /**
     * @param context the enumerator context
     * @param splits the splits to hand out, in order
     */
    public StaticSplitEnumerator(SplitEnumeratorContext<SplitT> context, Collection<SplitT> splits) {
        this.context = context;
        this.remaining = new ArrayDeque<>(splits);
    }

    @Override
    public void start() {
        // All splits are known at construction.
    }

    @Override
    @MainThread
    public void handleSplitRequest(int subtaskId) {
        SplitT next = remaining.pollFirst();
        if (next == null) {
            context.signalNoMoreSplits(subtaskId);
        } else {
            context.assignSplit(next, subtaskId);
        }
    }

    @Override
    @MainThread
    public void addSplitsBack(List<SplitT> splits, int subtaskId) {
        // First in line again: they were handed out first, so they hold the oldest data.
        for (int i = splits.size() - 1; i >= 0; i--) {
            remaining.addFirst(splits.get(i));
        }
    }

    @Override
    public void addReader(int subtaskId) {
        // Readers ask for splits themselves.
    }

    /** @return the splits not yet handed out, in order */
    @Override
    @MainThread
    public List<SplitT> snapshotState(long checkpointId) {
        return new ArrayList<>(remaining);
    }
}
