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
public final class TestingSequenceSource implements Source<Long, TestingSequenceSource.Range, TestingSequenceSource.EnumeratorState> {

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
    public SplitEnumerator<Range, EnumeratorState> createEnumerator(SplitEnumeratorContext<Range> context) {
        return new Enumerator(context, 0, List.of());
    }

    @Override
    public SplitEnumerator<Range, EnumeratorState> restoreEnumerator(SplitEnumeratorContext<Range> context,
                                                                     EnumeratorState checkpoint) {
        return new Enumerator(context, checkpoint.nextFrom(), checkpoint.returned());
    }

    /** What the enumerator checkpoints: where the next fresh range starts and the ranges handed back. */
    public record EnumeratorState(long nextFrom, List<Range> returned) implements java.io.Serializable {
    }

    /** Cuts [0, count) into ranges of {@code chunk} on request. */
    private final class Enumerator implements SplitEnumerator<Range, EnumeratorState> {
        private final SplitEnumeratorContext<Range> context;
        private final ArrayDeque<Range> returned;
        private long nextFrom;

        Enumerator(SplitEnumeratorContext<Range> context, long nextFrom, List<Range> returned) {
            this.context = context;
            this.nextFrom = nextFrom;
            this.returned = new ArrayDeque<>(returned);
        }

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
        public EnumeratorState snapshotState(long checkpointId) {
            return new EnumeratorState(nextFrom, List.copyOf(returned));
        }

        @Override
        public void close() {
        }
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
            List<Range> state = new java.util.ArrayList<>();
            if (current != null) {
                // The unread rest of the current range: a restore resumes right after the last emitted number.
                state.add(new Range(next, current.to()));
            }
            state.addAll(splits);
            return state;
        }

        @Override
        public void close() {
        }
    }
}
