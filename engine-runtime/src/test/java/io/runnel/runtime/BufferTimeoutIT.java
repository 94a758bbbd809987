package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.MapFunction;
import io.runnel.runtime.testing.TestingSinks;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A producer that stays busy (never idle, never fills a buffer) only proceeds once the consumer has seen its last
 * record: that can only happen if partly filled buffers are sent after the buffer timeout.
 */
class BufferTimeoutIT {

    private static final int RECORDS = 5;
    private static final AtomicLong SEEN = new AtomicLong();

    @Test
    void partlyFilledBuffersAreSentAfterTheTimeoutWhileTheProducerIsBusy() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setBufferTimeout(Duration.ofMillis(20));
        TestingSinks.Collecting<Long> sink = new TestingSinks.Collecting<>();
        env.fromSource(new LockstepSource(), "lockstep")
                .rebalance()
                .map((MapFunction<Long, Long>) x -> {
                    SEEN.set(x + 1);
                    return x;
                })
                .sinkTo(sink);
        JobExecutionResult result = env.execute("buffer-timeout");
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), result.getAccumulatorResult(sink.name()));
    }

    /** Emits record i only after the downstream map has seen record i - 1; busy (MORE_AVAILABLE) meanwhile. */
    static final class LockstepSource implements Source<Long, SourceSplit, Void> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SplitEnumerator<SourceSplit, Void> createEnumerator(SplitEnumeratorContext<SourceSplit> context) {
            return new SplitEnumerator<>() {
                @Override
                public void start() {
                }

                @Override
                public void handleSplitRequest(int subtaskId) {
                }

                @Override
                public void addSplitsBack(List<SourceSplit> splits, int subtaskId) {
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
        public SourceReader<Long, SourceSplit> createReader(SourceReaderContext context) {
            return new SourceReader<>() {
                private long next;

                @Override
                public void start() {
                }

                @Override
                public InputStatus pollNext(ReaderOutput<Long> output) {
                    if (next == RECORDS) {
                        return InputStatus.END_OF_INPUT;
                    }
                    if (SEEN.get() == next) {
                        output.collect(next++);
                    }
                    return InputStatus.MORE_AVAILABLE;
                }

                @Override
                public CompletableFuture<Void> isAvailable() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void addSplits(List<SourceSplit> splits) {
                }

                @Override
                public void notifyNoMoreSplits() {
                }

                @Override
                public List<SourceSplit> snapshotState(long checkpointId) {
                    return List.of();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
