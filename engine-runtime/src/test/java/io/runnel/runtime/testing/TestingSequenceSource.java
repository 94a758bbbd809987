package io.runnel.runtime.testing;

import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal bounded source of the longs {@code [0, count)} for runtime tests (engine-runtime cannot use the
 * connectors module). Each reader asks for one split at a time; splits are ranges of {@code chunk} numbers.
 */
public final class TestingSequenceSource implements Source<Long, TestingSequenceSource.Range, Void> {

    private static final long serialVersionUID = 1L;

    private final long count;
    private final long chunk;

    public TestingSequenceSource(long count, long chunk) {
        this.count = count;
        this.chunk = chunk;
    }

    /** A range {@code [from, to)}. */
    public record Range(long from, long to) implements SourceSplit {
        @Override
        public String splitId() {
            return from + "-" + to;
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Range, Void> createEnumerator(SplitEnumeratorContext<Range> context) {
        ArrayDeque<Range> returned = new ArrayDeque<>();
        return new SplitEnumerator<>() {
            private long nextFrom;

            @Override
            public void start() {
            }

            private Range next() {
                if (!returned.isEmpty()) {
                    return returned.poll();
                }
                if (nextFrom >= count) {
                    return null;
                }
                Range r = new Range(nextFrom, Math.min(count, nextFrom + chunk));
                nextFrom = r.to();
                return r;
            }

            @Override
            public void handleSplitRequest(int subtaskId) {
                Range r = next();
                if (r == null) {
                    context.signalNoMoreSplits(subtaskId);
                } else {
                    context.assignSplit(r, subtaskId);
                }
            }

            @Override
            public void addSplitsBack(List<Range> splits, int subtaskId) {
                returned.addAll(splits);
            }

            @Override
            public void addReader(int subtaskId) {
            }

            @Override
            public Void snapshotState(long checkpointId) {
                return null;
            }
        };
    }

    @Override
    public SourceReader<Long, Range> createReader(SourceReaderContext context) {
        return new Reader(context);
    }

    private static final class Reader implements SourceReader<Long, Range> {
        private final SourceReaderContext context;
        private final ArrayDeque<Range> splits = new ArrayDeque<>();
        private CompletableFuture<Void> available = new CompletableFuture<>();
        private long next;
        private Range current;
        private boolean noMoreSplits;

        Reader(SourceReaderContext context) {
            this.context = context;
        }

        @Override
        public void start() {
            context.sendSplitRequest();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
            if (current == null) {
                current = splits.poll();
                if (current == null) {
                    return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
                }
                next = current.from();
            }
            long end = Math.min(current.to(), next + 1024);
            for (; next < end; next++) {
                output.collect(next);
            }
            if (next == current.to()) {
                current = null;
                context.sendSplitRequest();
            }
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return available;
        }

        @Override
        public void addSplits(List<Range> newSplits) {
            splits.addAll(newSplits);
            available.complete(null);
            available = new CompletableFuture<>();
        }

        @Override
        public void notifyNoMoreSplits() {
            noMoreSplits = true;
            available.complete(null);
            available = new CompletableFuture<>();
        }

        @Override
        public List<Range> snapshotState(long checkpointId) {
            return List.copyOf(splits);
        }

        @Override
        public void close() {
        }
    }
}
