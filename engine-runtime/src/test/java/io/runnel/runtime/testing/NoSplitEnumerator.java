package io.runnel.runtime.testing;

import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import java.util.List;

/**
 * An enumerator for test sources whose readers make up their own data: it assigns no splits and answers every
 * split request with no-more-splits.
 *
 * @param <S> the split type (never instantiated)
 */
public final class NoSplitEnumerator<S extends SourceSplit> implements SplitEnumerator<S, Void> {

    private final SplitEnumeratorContext<S> context;

    public NoSplitEnumerator(SplitEnumeratorContext<S> context) {
        this.context = context;
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtaskId) {
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<S> splits, int subtaskId) {
    }

    @Override
    public void addReader(int subtaskId) {
    }

    @Override
    public Void snapshotState(long checkpointId) {
        return null;
    }
}
