package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.ExecutionOptions;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.Collector;
import io.runnel.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.runnel.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.windows.TimeWindow;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Processing-time windows fire from the wall clock through the mailbox: every element lands in exactly one
 * tumbling window (and in size/slide sliding windows), and each window holds only elements of its time range.
 */
class ProcessingTimeWindowsIT {

    private static final long N = 3_000;
    /** Elements counted by fired tumbling windows so far (the source waits on it, so the job spans many windows). */
    private static final Counted COUNTED = new Counted();

    /** A counter one can wait on. */
    static final class Counted {
        private long value;

        synchronized void reset() {
            value = 0;
        }

        synchronized void add(long n) {
            value += n;
            notifyAll();
        }

        synchronized void awaitAtLeast(long target, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (value < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("processing-time windows counted " + value + " of " + target
                            + " elements within " + timeout);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** (window start, window end, elements, sum); also counts the elements into {@link #COUNTED}. */
    static final class Describe extends ProcessWindowFunction<Long, long[], Long, TimeWindow> {
        private static final long serialVersionUID = 1L;
        private final boolean count;

        Describe(boolean count) {
            this.count = count;
        }

        @Override
        public void process(Long key, Context ctx, Iterable<Long> elements, Collector<long[]> out) {
            long n = 0;
            long sum = 0;
            for (long v : elements) {
                n++;
                sum += v;
            }
            if (count) {
                COUNTED.add(n);
            }
            out.collect(new long[] {ctx.window().getStart(), ctx.window().getEnd(), n, sum,
                    ctx.currentProcessingTime()});
        }
    }

    /** Before every 500th element, waits until the windows have counted everything before it. */
    private static long pace(long v) throws InterruptedException {
        if (v % 500 == 0 && v > 0) {
            COUNTED.awaitAtLeast(v, Duration.ofSeconds(30));
        }
        return v;
    }

    @Test
    void everyElementLandsInExactlyOneTumblingWindowAndSlidingWindowsCoverThem() throws Exception {
        COUNTED.reset();
        Configuration conf = new Configuration();
        // Flush every record: the source blocks while it waits, so its buffer-timeout flush could not run.
        conf.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ZERO);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(1);
        TestingSinks.Collecting<long[]> tumbling = new TestingSinks.Collecting<>();
        TestingSinks.Collecting<long[]> sliding = new TestingSinks.Collecting<>();
        // The last element (N) only paces the job until everything before it was counted; it is filtered out.
        var numbers = env.fromSource(new TestingSequenceSource(N + 1, 1_000), "numbers")
                .map(ProcessingTimeWindowsIT::pace)
                .filter(v -> v < N);
        numbers.keyBy(v -> v % 3).window(TumblingProcessingTimeWindows.of(Duration.ofMillis(20)))
                .process(new Describe(true)).sinkTo(tumbling);
        numbers.keyBy(v -> v % 3).window(SlidingProcessingTimeWindows.of(Duration.ofMillis(40), Duration.ofMillis(20)))
                .process(new Describe(false)).sinkTo(sliding);
        JobExecutionResult result = env.execute("processing-time windows");

        List<long[]> fired = result.getAccumulatorResult(tumbling.name());
        long elements = 0;
        long sum = 0;
        for (long[] w : fired) {
            elements += w[2];
            sum += w[3];
            assertEquals(20, w[1] - w[0]);
            assertEquals(true, w[4] >= w[1] - 1, "fired at " + w[4] + " before its end " + w[1]);
        }
        assertEquals(N, elements);
        assertEquals(N * (N - 1) / 2, sum);
        // Each element is in two sliding windows of 40 ms sliding by 20 ms, except that windows still open when
        // the input ends do not fire: at most the last two windows per key are missing.
        long slidingElements = 0;
        List<long[]> slid = result.getAccumulatorResult(sliding.name());
        for (long[] w : slid) {
            slidingElements += w[2];
        }
        assertEquals(true, slidingElements <= 2 * N && slidingElements >= 2 * N - 2 * 3 * 500,
                "sliding windows saw " + slidingElements + " element placements");
    }
}
