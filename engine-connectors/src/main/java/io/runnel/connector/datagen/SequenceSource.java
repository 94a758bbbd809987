package io.runnel.connector.datagen;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.api.typeutils.ResultTypeQueryable;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.connector.base.StaticSplitEnumerator;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded source of the numbers {@code from .. to} (both inclusive), generated on the task thread.
 *
 * <pre>{@code
 * env.fromSource(new SequenceSource(1, n), "numbers").sinkTo(new SummingSink());
 * }</pre>
 * (from {@code SequenceSourceIT}, which checks the sum against {@code n(n+1)/2} at parallelism 1 and 4)
 *
 * <p><b>Contract:</b> every number of the range is emitted exactly once over all subtasks; the order is
 * increasing within a split, and a subtask reads its splits one after another. The enumerator cuts the range into
 * {@code min(parallelism, count)} contiguous splits of sizes that differ by at most one, handed out on request
 * (see {@link StaticSplitEnumerator}).
 *
 * <p><b>Threading:</b> immutable; its readers are task-thread only.
 *
 * <p><b>Lifecycle:</b> the reader asks for a split when it starts and after each split it finishes.
 */
@Public
public final class SequenceSource implements Source<Long, SequenceSplit, List<SequenceSplit>>,
        ResultTypeQueryable<Long> {

    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;

    /**
     * @param from the first number
     * @param to the last number (inclusive)
     * @throws IllegalArgumentException if {@code from > to} or the range holds more than 2^63 numbers
     */
    public SequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("from (" + from + ") must not be greater than to (" + to + ")");
        }
        if (to - from < 0) {
            throw new IllegalArgumentException("the range " + from + ".." + to + " holds more than 2^63 numbers");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<SequenceSplit, List<SequenceSplit>> createEnumerator(
            SplitEnumeratorContext<SequenceSplit> context) {
        return new StaticSplitEnumerator<>(context, splits(Math.max(1, context.currentParallelism())));
    }

    /** Restores the splits not yet handed out at the checkpoint. */
    @Override
    public SplitEnumerator<SequenceSplit, List<SequenceSplit>> restoreEnumerator(SplitEnumeratorContext<SequenceSplit> context,
                                                                 List<SequenceSplit> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<Long, SequenceSplit> createReader(SourceReaderContext context) {
        return new SequenceSourceReader(context);
    }

    @Override
    public TypeInformation<Long> getProducedType() {
        return TypeInformation.of(Long.class);
    }

    /** @return the range cut into at most {@code numSplits} contiguous, non-empty splits, in order */
    List<SequenceSplit> splits(int numSplits) {
        // count = to - from + 1 may be 2^63, which only fits as an unsigned long.
        long count = to - from + 1;
        long base = Long.divideUnsigned(count, numSplits);
        long extra = Long.remainderUnsigned(count, numSplits);
        List<SequenceSplit> splits = new ArrayList<>(numSplits);
        long start = from;
        for (int i = 0; i < numSplits; i++) {
            long size = base + (i < extra ? 1 : 0);
            if (size == 0) {
                break;
            }
            long end = start + (size - 1);
            splits.add(new SequenceSplit("sequence-" + i, start, end));
            start = end + 1;
        }
        return splits;
    }
}
