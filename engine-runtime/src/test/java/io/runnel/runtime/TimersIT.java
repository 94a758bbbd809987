package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.ExecutionOptions;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.TimeDomain;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Event-time and processing-time timers of keyed process functions, end to end on the embedded cluster. */
class TimersIT {

    private static final long N = 5_000;
    private static final long KEYS = 7;

    /** Every record v (key v % 7, event time 10 v) sets a timer 25 ms later; those of v % 5 == 0 delete it again. */
    static final class EventTimers extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long v, Context ctx, Collector<String> out) {
            long at = ctx.timestamp() + 25;
            ctx.timerService().registerEventTimeTimer(at);
            ctx.timerService().registerEventTimeTimer(at);
            if (v % 5 == 0) {
                ctx.timerService().deleteEventTimeTimer(at);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "," + timestamp + "," + ctx.timeDomain() + ","
                    + (ctx.timerService().currentWatermark() >= timestamp) + "," + ctx.timestamp());
        }
    }

    @Test
    void eventTimeTimersFireOnceInTimestampOrderWhenTheWatermarkPassesThem() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        TestingSinks.Collecting<String> sink = new TestingSinks.Collecting<>();
        env.fromSource(new TestingSequenceSource(N, 500), "numbers")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((v, ts) -> v * 10))
                .keyBy(v -> v % KEYS)
                .process(new EventTimers())
                .sinkTo(sink);
        JobExecutionResult result = env.execute("event-time timers");
        List<String> fired = result.getAccumulatorResult(sink.name());

        List<String> expected = new ArrayList<>();
        for (long v = 0; v < N; v++) {
            if (v % 5 != 0) {
                expected.add((v % KEYS) + "," + (v * 10 + 25) + ",EVENT_TIME,true," + (v * 10 + 25));
            }
        }
        // Timer times are distinct, so timestamp order is the input order.
        assertEquals(expected, fired);
    }

    /** Holds the source's last record back until every processing-time timer has fired. */
    static final CountDownLatch PROCESSING_TIMERS = new CountDownLatch((int) KEYS);

    static final class ProcessingTimers extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long v, Context ctx, Collector<String> out) {
            long now = ctx.timerService().currentProcessingTime();
            // One timer per key survives: the first record of each key sets it, later ones set and delete others.
            if (v < KEYS) {
                ctx.timerService().registerProcessingTimeTimer(now + 20);
            } else if (v < 3 * KEYS) {
                ctx.timerService().registerProcessingTimeTimer(now + 10_000 + v);
                ctx.timerService().deleteProcessingTimeTimer(now + 10_000 + v);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            assertEquals(TimeDomain.PROCESSING_TIME, ctx.timeDomain());
            out.collect(ctx.getCurrentKey() + "," + Thread.currentThread().getName());
            PROCESSING_TIMERS.countDown();
        }
    }

    @Test
    void processingTimeTimersFireOnTheTaskThroughTheMailboxAndDeletedOnesDoNot() throws Exception {
        Configuration conf = new Configuration();
        // Flush every record: the source task blocks below, so its buffer-timeout mail could not run.
        conf.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ZERO);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(1);
        TestingSinks.Collecting<String> sink = new TestingSinks.Collecting<>();
        long n = 100;
        env.fromSource(new TestingSequenceSource(n, 100), "numbers")
                .map(v -> {
                    if (v == n - 1 && !PROCESSING_TIMERS.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("processing-time timers did not fire within 30 s");
                    }
                    return v;
                })
                .keyBy(v -> v % KEYS)
                .process(new ProcessingTimers())
                .sinkTo(sink);
        JobExecutionResult result = env.execute("processing-time timers");
        List<String> fired = result.getAccumulatorResult(sink.name());

        assertEquals((int) KEYS, fired.size(), fired.toString());
        Set<String> keys = new HashSet<>();
        for (String f : fired) {
            String[] parts = f.split(",");
            keys.add(parts[0]);
            assertTrue(parts[1].startsWith("runnel-task: KeyedProcess"), "fired on " + parts[1]);
        }
        assertEquals(Set.of("0", "1", "2", "3", "4", "5", "6"), keys);
    }
}
