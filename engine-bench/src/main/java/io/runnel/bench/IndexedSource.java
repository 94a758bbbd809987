package io.runnel.bench;

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
 * A bounded FLIP-27 source of the records {@code 0 .. records - 1} of an {@link IndexedGenerator}, generated on the
 * task thread (no fetcher thread, no blocking I/O). W2's words ({@link ZipfWordGenerator}) and W3's bids
 * ({@link BidGenerator}) are two generators behind this one source.
 *
 * <p><b>Contract:</b> the record at index {@code i} is the generator's record {@code i}; every index in
 * {@code [0, records)} is emitted exactly once over all subtasks, in increasing order within a split. The enumerator
 * cuts the index range into {@code min(parallelism, records)} contiguous splits handed out on request, in index
 * order ({@link StaticSplitEnumerator}), so any parallelism emits the same multiset of records, and a reader that
 * gets several splits gets them in increasing index order.
 *
 * <p><b>Threading:</b> immutable; its readers are task-thread only.
 *
 * @param <T> the record type
 */
final class IndexedSource<T> implements Source<T, IndexRangeSplit, List<IndexRangeSplit>>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final long records;
    private final IndexedGenerator<T> generator;

    /**
     * @param records number of records, {@code >= 1}
     * @param generator what the record at each index is
     * @throws IllegalArgumentException if {@code records < 1}
     */
    IndexedSource(long records, IndexedGenerator<T> generator) {
        if (records < 1) {
            throw new IllegalArgumentException("records must be at least 1, got " + records);
        }
        this.records = records;
        this.generator = generator;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<IndexRangeSplit, List<IndexRangeSplit>> createEnumerator(
            SplitEnumeratorContext<IndexRangeSplit> context) {
        return new StaticSplitEnumerator<>(context, splits(Math.max(1, context.currentParallelism())));
    }

    /** Restores the splits not yet handed out at the checkpoint. */
    @Override
    public SplitEnumerator<IndexRangeSplit, List<IndexRangeSplit>> restoreEnumerator(SplitEnumeratorContext<IndexRangeSplit> context,
                                                                 List<IndexRangeSplit> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<T, IndexRangeSplit> createReader(SourceReaderContext context) {
        return new IndexedSourceReader<>(context, generator);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return generator.producedType();
    }

    /** @return {@code [0, records)} cut into at most {@code numSplits} contiguous, non-empty splits, in order */
    List<IndexRangeSplit> splits(int numSplits) {
        long base = records / numSplits;
        long extra = records % numSplits;
        List<IndexRangeSplit> splits = new ArrayList<>(numSplits);
        long start = 0;
        for (int i = 0; i < numSplits; i++) {
            long size = base + (i < extra ? 1 : 0);
            if (size == 0) {
                break;
            }
            splits.add(new IndexRangeSplit("range-" + i, start, start + size));
            start += size;
        }
        return splits;
    }
}
