package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.environment.ExecutionOptions;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.runtime.testing.NoSplitEnumerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * An input that is idle (no records, still running) does not hold back the watermark when its watermark strategy
 * has {@code withIdleness}: windows fed by the other input fire while the idle input is still open.
 */
class IdlenessIT {

    /** Completed by the sink once the windows of the busy input have fired; ends the idle source. */
    static final CompletableFuture<Void> RELEASE = new CompletableFuture<>();
    static final AtomicLong FIRED = new AtomicLong();
    static final long N = 10_000;
    /** Events are 1 ms apart: N events cover N / 100 windows of 100 ms. */
    static final long WINDOWS = N / 100;

    /**
     * A source (parallelism 1) that emits {@code 0 .. count - 1} and then stays open, emitting nothing, until
     * {@link #RELEASE} completes; it needs no splits.
     */
    static final class HeldSource implements Source<Long, HeldSource.NoSplit, Void> {
        private static final long serialVersionUID = 1L;
        private final long count;

        HeldSource(long count) {
            this.count = count;
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
                    if (next < count) {
                        output.collect(next++);
                        return InputStatus.MORE_AVAILABLE;
                    }
                    return RELEASE.isDone() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
                }

                @Override
                public CompletableFuture<Void> isAvailable() {
                    return RELEASE;
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

    /** Counts fired windows; releases the quiet source when all of the busy input's windows have fired. */
    static final class CountingWindows implements Sink<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Long element, Context ctx) {
                    if (FIRED.incrementAndGet() == WINDOWS) {
                        RELEASE.complete(null);
                    }
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void anIdleInputDoesNotHoldBackTheWindowsOfTheOther() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(10));
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(1);
        // The busy input's last record is far in the future, so its own watermark passes every window; it then
        // stays open like the quiet one, so only idleness can let the windows fire before the job ends.
        DataStream<Long> busy = env.fromSource(new HeldSource(N + 1),
                WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((v, ts) -> v == N ? 1_000_000_000L : v), "busy");
        DataStream<Long> quiet = env.fromSource(new HeldSource(0),
                WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ofMillis(50)), "quiet");
        busy.union(quiet)
                .filter(v -> v < N)
                .keyBy(v -> v % 2)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(200)))
                .reduce(Long::sum)
                .sinkTo(new CountingWindows());
        JobClient client = env.executeAsync("idleness");
        boolean released = false;
        try {
            RELEASE.get(30, TimeUnit.SECONDS);
            released = true;
        } finally {
            if (!released) {
                client.cancel();
            }
        }
        JobExecutionResult result = client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertTrue(result.getNetRuntimeMillis() >= 0);
        assertEquals(WINDOWS, FIRED.get(), "every window of the busy input, fired while the quiet one was open");
    }
}
