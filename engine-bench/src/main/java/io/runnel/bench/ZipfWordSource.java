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
 * A bounded FLIP-27 source of {@code records} words drawn from a Zipf distribution over {@code w0 .. w(n-1)},
 * generated on the task thread (no fetcher thread, no blocking I/O).
 *
 * <p><b>Contract:</b> the word at draw index {@code i} is {@code ZipfTable.of(n, s).wordFor(draw(seed, i))}
 * (see {@link DrawCursor}); every index in {@code [0, records)} is emitted exactly once over all subtasks, in
 * increasing order within a split. The enumerator cuts the index range into {@code min(parallelism, records)}
 * contiguous splits handed out on request ({@link StaticSplitEnumerator}), so any parallelism emits the same
 * multiset of words.
 *
 * <p><b>Threading:</b> immutable; its readers are task-thread only.
 */
final class ZipfWordSource implements Source<String, ZipfSplit, List<ZipfSplit>>, ResultTypeQueryable<String> {

    private static final long serialVersionUID = 1L;

    private final long records;
    private final int vocabularySize;
    private final double exponent;
    private final long seed;

    /**
     * @param records number of draws, {@code >= 1}
     * @param vocabularySize number of distinct words
     * @param exponent the Zipf exponent s
     * @param seed the seed of the draws
     */
    ZipfWordSource(long records, int vocabularySize, double exponent, long seed) {
        if (records < 1) {
            throw new IllegalArgumentException("records must be at least 1, got " + records);
        }
        this.records = records;
        this.vocabularySize = vocabularySize;
        this.exponent = exponent;
        this.seed = seed;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<ZipfSplit, List<ZipfSplit>> createEnumerator(SplitEnumeratorContext<ZipfSplit> context) {
        return new StaticSplitEnumerator<>(context, splits(Math.max(1, context.currentParallelism())));
    }

    @Override
    public SourceReader<String, ZipfSplit> createReader(SourceReaderContext context) {
        return new ZipfSourceReader(context, ZipfTable.of(vocabularySize, exponent), seed);
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return TypeInformation.of(String.class);
    }

    /** @return {@code [0, records)} cut into at most {@code numSplits} contiguous, non-empty splits, in order */
    List<ZipfSplit> splits(int numSplits) {
        long base = records / numSplits;
        long extra = records % numSplits;
        List<ZipfSplit> splits = new ArrayList<>(numSplits);
        long start = 0;
        for (int i = 0; i < numSplits; i++) {
            long size = base + (i < extra ? 1 : 0);
            if (size == 0) {
                break;
            }
            splits.add(new ZipfSplit("zipf-" + i, start, start + size));
            start += size;
        }
        return splits;
    }
}
