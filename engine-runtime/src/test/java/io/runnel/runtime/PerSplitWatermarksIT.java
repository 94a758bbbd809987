package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.OutputTag;
import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceOutput;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkGenerator;
import io.runnel.api.eventtime.WatermarkOutput;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.runtime.testing.NoSplitEnumerator;
import io.runnel.runtime.testing.TestingSinks;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One reader interleaves two splits whose event times are far apart. With a watermark generator per split the
 * source's watermark is the minimum over the splits, so the split that lags loses nothing; with one generator for
 * the whole reader (the reader emitting without split outputs) the lagging split's records are late.
 */
class PerSplitWatermarksIT {

    private static final long M = 2_000;
    /** Split "ahead" is this far (ms) ahead of split "behind" in event time. */
    private static final long AHEAD = 1_000_000;
    private static final OutputTag<Long> LATE = new OutputTag<>("late") { };

    /** Emits M values per split, alternating: "behind" at time i, "ahead" at time AHEAD + i. */
    static final class InterleavedSource implements Source<Long, InterleavedSource.NoSplit, Void> {
        private static final long serialVersionUID = 1L;
        private final boolean perSplit;

        InterleavedSource(boolean perSplit) {
            this.perSplit = perSplit;
        }

        record NoSplit(String splitId) implements SourceSplit {
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SplitEnumerator<NoSplit, Void> createEnumerator(SplitEnumeratorContext<NoSplit> context) {
            return new NoSplitEnumerator<>(context);
        }

        @Override
        public SourceReader<Long, NoSplit> createReader(SourceReaderContext context) {
            return new SourceReader<>() {
                private long next;

                @Override
                public void start() {
                }

                @Override
                public InputStatus pollNext(ReaderOutput<Long> output) {
                    if (next == M) {
                        output.releaseOutputForSplit("behind");
                        output.releaseOutputForSplit("ahead");
                        return InputStatus.END_OF_INPUT;
                    }
                    SourceOutput<Long> behind = perSplit ? output.createOutputForSplit("behind") : output;
                    SourceOutput<Long> ahead = perSplit ? output.createOutputForSplit("ahead") : output;
                    behind.collect(next, next);
                    ahead.collect(AHEAD + next, AHEAD + next);
                    next++;
                    return InputStatus.MORE_AVAILABLE;
                }

                @Override
                public CompletableFuture<Void> isAvailable() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void addSplits(List<NoSplit> splits) {
                }

                @Override
                public void notifyNoMoreSplits() {
                }

                @Override
                public List<NoSplit> snapshotState(long checkpointId) {
                    return List.of();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** A watermark right behind the newest timestamp after every record: no tolerance for disorder at all. */
    static final class Tight implements WatermarkGenerator<Long> {
        private long max = Long.MIN_VALUE;

        @Override
        public void onEvent(Long event, long timestamp, WatermarkOutput output) {
            max = Math.max(max, timestamp);
            output.emitWatermark(max - 1);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            // Per event only.
        }
    }

    private static long[] run(boolean perSplit) throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        TestingSinks.Collecting<Long> sums = new TestingSinks.Collecting<>();
        TestingSinks.Collecting<Long> late = new TestingSinks.Collecting<>();
        SingleOutputStreamOperator<Long> windows = env.fromSource(new InterleavedSource(perSplit),
                        WatermarkStrategy.forGenerator(Tight::new), "interleaved")
                .keyBy(v -> v % 2)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .sideOutputLateData(LATE)
                .reduce(Long::sum);
        windows.sinkTo(sums);
        windows.getSideOutput(LATE).sinkTo(late);
        JobExecutionResult result = env.execute("per-split watermarks " + perSplit);
        long total = 0;
        for (long s : result.<List<Long>>getAccumulatorResult(sums.name())) {
            total += s;
        }
        return new long[] {total, result.<List<Long>>getAccumulatorResult(late.name()).size()};
    }

    @Test
    void theLaggingSplitIsNotLateWithPerSplitWatermarks() throws Exception {
        long expectedTotal = 0;
        for (long i = 0; i < M; i++) {
            expectedTotal += i + AHEAD + i;
        }
        long[] perSplit = run(true);
        assertEquals(expectedTotal, perSplit[0]);
        assertEquals(0, perSplit[1]);
        // The same input through one generator: everything of "behind" after the first "ahead" record is late.
        long[] shared = run(false);
        assertEquals(M - 1, shared[1]);
    }
}
