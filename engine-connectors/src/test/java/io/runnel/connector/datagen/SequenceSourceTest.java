package io.runnel.connector.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.connector.testing.SourceTestHarness;
import io.runnel.connector.testing.TestingReaderOutput;
import io.runnel.connector.testing.TestingSourceReaderContext;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SequenceSourceTest {

    @Test
    void splitsAreContiguousAndCoverTheRange() {
        for (int parallelism : new int[] {1, 2, 3, 4, 7}) {
            List<SequenceSplit> splits = new SequenceSource(5, 104).splits(parallelism);
            assertEquals(parallelism, splits.size());
            assertEquals(5, splits.get(0).next());
            assertEquals(104, splits.get(splits.size() - 1).last());
            for (int i = 1; i < splits.size(); i++) {
                assertEquals(splits.get(i - 1).last() + 1, splits.get(i).next());
            }
            long min = splits.stream().mapToLong(s -> s.last() - s.next() + 1).min().orElseThrow();
            long max = splits.stream().mapToLong(s -> s.last() - s.next() + 1).max().orElseThrow();
            assertTrue(max - min <= 1, "sizes differ by at most one");
        }
    }

    @Test
    void fewerNumbersThanSubtasksGiveOneSplitPerNumber() {
        assertEquals(List.of(new SequenceSplit("sequence-0", 7, 7), new SequenceSplit("sequence-1", 8, 8)),
                new SequenceSource(7, 8).splits(4));
    }

    @Test
    void theLargestRangeSplitsWithoutOverflow() {
        long from = Long.MIN_VALUE / 2;
        long to = from + Long.MAX_VALUE;
        List<SequenceSplit> splits = new SequenceSource(from, to).splits(3);
        assertEquals(from, splits.get(0).next());
        assertEquals(to, splits.get(2).last());
        assertThrows(IllegalArgumentException.class, () -> new SequenceSource(Long.MIN_VALUE, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new SequenceSource(2, 1));
    }

    @Test
    void readersEmitEveryNumberOnceAtSeveralParallelisms() throws Exception {
        for (int parallelism : new int[] {1, 4}) {
            List<Long> out = new SourceTestHarness<>(new SequenceSource(1, 10_000), parallelism).runToEnd();
            assertEquals(10_000, out.size());
            assertEquals(LongStream.rangeClosed(1, 10_000).boxed().toList(), out.stream().sorted().toList());
        }
    }

    @Test
    void emitsAtMostOneBatchPerPollAndRequestsTheNextSplitWhenDone() {
        TestingSourceReaderContext context = new TestingSourceReaderContext();
        SequenceSourceReader reader = new SequenceSourceReader(context);
        TestingReaderOutput<Long> output = new TestingReaderOutput<>();
        reader.start();
        assertEquals(1, context.splitRequests());
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));

        reader.addSplits(List.of(new SequenceSplit("s", 0, 1499)));
        assertTrue(reader.isAvailable().isDone());

        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(SequenceSourceReader.BATCH_SIZE, output.records().size());
        assertEquals(List.of(new SequenceSplit("s", 1024, 1499)), reader.snapshotState(1));
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(1500, output.records().size());
        assertEquals(2, context.splitRequests());
        assertEquals(List.of(), reader.snapshotState(2));

        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        reader.notifyNoMoreSplits();
        assertTrue(reader.isAvailable().isDone());
        assertEquals(InputStatus.END_OF_INPUT, reader.pollNext(output));
    }

    @Test
    void aSplitEndingAtLongMaxValueEndsWithoutOverflow() {
        SequenceSourceReader reader = new SequenceSourceReader(new TestingSourceReaderContext());
        TestingReaderOutput<Long> output = new TestingReaderOutput<>();
        reader.addSplits(List.of(new SequenceSplit("s", Long.MAX_VALUE - 2, Long.MAX_VALUE)));
        reader.notifyNoMoreSplits();

        while (reader.pollNext(output) != InputStatus.END_OF_INPUT) {
            assertTrue(output.records().size() <= 3);
        }

        assertEquals(List.of(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE), output.records());
    }

    @Test
    void isBoundedAndTypedAsLong() {
        SequenceSource source = new SequenceSource(0, 1);
        assertEquals(Boundedness.BOUNDED, source.getBoundedness());
        assertEquals(TypeInformation.of(Long.class), source.getProducedType());
    }
}
