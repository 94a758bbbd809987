package io.runnel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.functions.RuntimeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfGeneratorTest {

    private static final long SEED = ZipfWordCountWorkload.SEED;
    private static final int VOCABULARY = ZipfWordCountWorkload.VOCABULARY_SIZE;
    private static final double S = ZipfWordCountWorkload.EXPONENT;

    @Test
    void drawAtIndexDependsOnlyOnSeedAndIndex() {
        DrawCursor fromStart = new DrawCursor(SEED, 0);
        double[] whole = new double[10_000];
        for (int i = 0; i < whole.length; i++) {
            whole[i] = fromStart.nextDouble();
        }
        for (int start : new int[] {1, 17, 999, 5_000, 9_999}) {
            DrawCursor c = new DrawCursor(SEED, start);
            for (int i = start; i < Math.min(whole.length, start + 100); i++) {
                assertEquals(whole[i], c.nextDouble(), "draw " + i + " from a cursor started at " + start);
            }
        }
        assertTrue(new DrawCursor(SEED + 1, 0).nextDouble() != whole[0], "another seed gives other draws");
    }

    @Test
    void drawsEqualThoseOfSplittableRandomWithTheSameSeed() {
        SplittableRandom random = new SplittableRandom(SEED);
        DrawCursor cursor = new DrawCursor(SEED, 0);
        for (int i = 0; i < 100_000; i++) {
            assertEquals(random.nextDouble(), cursor.nextDouble(), "draw " + i);
        }
    }

    @Test
    void splitWiseReadingEqualsWholeRangeReading() throws Exception {
        long records = 25_013;
        IndexedSource<String> source = new IndexedSource<>(records, new ZipfWordGenerator(VOCABULARY, S, SEED));
        List<String> whole = read(source, source.splits(1));
        List<String> bySplits = new ArrayList<>();
        for (IndexRangeSplit split : source.splits(3)) {
            bySplits.addAll(read(source, List.of(split)));
        }
        assertEquals(records, whole.size());
        assertEquals(whole, bySplits, "splits read one by one, concatenated in index order");
        assertEquals(whole, read(source, source.splits(7)), "one reader given seven splits");
        ZipfTable table = ZipfTable.of(VOCABULARY, S);
        DrawCursor c = new DrawCursor(SEED, 0);
        for (int i = 0; i < 100; i++) {
            assertEquals(table.wordFor(c.nextDouble()), whole.get(i), "word " + i + " is the table's word");
        }
    }

    @Test
    void topWordFrequencyMatchesZipfFormula() {
        ZipfTable table = ZipfTable.of(VOCABULARY, S);
        double harmonic = 0;
        for (int k = 1; k <= VOCABULARY; k++) {
            harmonic += Math.pow(k, -S);
        }
        double expectedTop = 1 / harmonic;
        assertEquals(expectedTop, table.probability(0), 1e-12);
        int draws = 2_000_000;
        int[] hits = new int[3];
        DrawCursor c = new DrawCursor(SEED, 0);
        for (int i = 0; i < draws; i++) {
            int rank = table.sample(c.nextDouble());
            if (rank < hits.length) {
                hits[rank]++;
            }
        }
        assertEquals("w0", table.word(0));
        for (int rank = 0; rank < hits.length; rank++) {
            double expected = Math.pow(rank + 1, -S) / harmonic;
            double observed = hits[rank] / (double) draws;
            // Standard error of a frequency near 0.1 over 2M draws is ~2e-4; 3% relative is > 10 sigma at rank 0.
            assertEquals(expected, observed, expected * 0.03, "frequency of rank " + rank);
        }
    }

    @Test
    void aliasTableReproducesTheWholeDistribution() {
        ZipfTable table = ZipfTable.of(1_000, S);
        double[] mass = new double[1_000];
        int steps = 10_000_000;
        // A fine grid of u values: the mass each rank gets approximates its probability. Each of the 1,000 columns
        // that can select a rank adds at most one grid step (1e-7) of error, hence the tolerance.
        for (int i = 0; i < steps; i++) {
            mass[table.sample((i + 0.5) / steps)] += 1.0 / steps;
        }
        for (int k = 0; k < mass.length; k++) {
            double p = table.probability(k);
            assertEquals(p, mass[k], 1e-6 + 0.002 * p, "mass of rank " + k);
        }
    }

    /** Drives a fresh reader over {@code splits} until END_OF_INPUT, checking the batch size. */
    static <T> List<T> read(IndexedSource<T> source, List<IndexRangeSplit> splits) throws Exception {
        List<T> out = new ArrayList<>();
        TestingContext context = new TestingContext();
        try (SourceReader<T, IndexRangeSplit> reader = source.createReader(context)) {
            reader.start();
            assertEquals(1, context.splitRequests);
            reader.addSplits(splits);
            reader.notifyNoMoreSplits();
            CollectingOutput<T> output = new CollectingOutput<>(out);
            for (InputStatus s = InputStatus.MORE_AVAILABLE; s != InputStatus.END_OF_INPUT; ) {
                int before = out.size();
                s = reader.pollNext(output);
                assertTrue(out.size() - before <= IndexedSourceReader.BATCH_SIZE, "batch of " + (out.size() - before));
            }
        }
        return out;
    }

    private static final class CollectingOutput<T> implements ReaderOutput<T> {
        private final List<T> out;

        CollectingOutput(List<T> out) {
            this.out = out;
        }

        @Override
        public void collect(T record) {
            out.add(record);
        }

        @Override
        public void collect(T record, long timestamp) {
            out.add(record);
        }
    }

    private static final class TestingContext implements SourceReaderContext {
        int splitRequests;

        @Override
        public int getIndexOfSubtask() {
            return 0;
        }

        @Override
        public void sendSplitRequest() {
            splitRequests++;
        }

        @Override
        public RuntimeContext getRuntimeContext() {
            throw new UnsupportedOperationException("not used by the indexed reader");
        }
    }
}
