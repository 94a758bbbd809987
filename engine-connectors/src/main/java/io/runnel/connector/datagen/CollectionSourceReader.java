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
 * Emits the elements of a {@link CollectionSource} in list order, {@value #BATCH_SIZE} per {@code pollNext}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> {@link #start()} asks for a split; no resources to close.
 *
 * @param <T> the element type
 */
final class CollectionSourceReader<T> implements SourceReader<T, CollectionSplit> {

    static final int BATCH_SIZE = 1024;

    private final List<T> elements;
    private final PendingSplits<CollectionSplit> pending;
    private CollectionSplit current;
    private int position;

    CollectionSourceReader(List<T> elements, SourceReaderContext context) {
        this.elements = elements;
        this.pending = new PendingSplits<>(context);
    }

    @Override
    @TaskThread
    public void start() {
        pending.requestSplit();
    }

    @Override
    @TaskThread
    public InputStatus pollNext(ReaderOutput<T> output) {
        if (current == null && !startNextSplit()) {
            return pending.statusWhenIdle();
        }
        int end = Math.min(elements.size(), position + BATCH_SIZE);
        for (int i = position; i < end; i++) {
            output.collect(elements.get(i));
        }
        position = end;
        if (end == elements.size()) {
            current = null;
            pending.requestSplit();
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private boolean startNextSplit() {
        current = pending.poll();
        if (current == null) {
            return false;
        }
        position = current.position();
        return true;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return pending.availability();
    }

    @Override
    @TaskThread
    public void addSplits(List<CollectionSplit> splits) {
        pending.add(splits);
    }

    @Override
    @TaskThread
    public void notifyNoMoreSplits() {
        pending.noMoreSplits();
    }

    @Override
    @TaskThread
    public List<CollectionSplit> snapshotState(long checkpointId) {
        List<CollectionSplit> splits = new ArrayList<>();
        if (current != null) {
            splits.add(new CollectionSplit(current.splitId(), position));
        }
        splits.addAll(pending.snapshot());
        return splits;
    }

    @Override
    public void close() {
        // Nothing to release: the elements belong to the source.
    }
}
