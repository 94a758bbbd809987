package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.Tuple3;
import io.runnel.api.datastream.AsyncDataStream;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.functions.async.AsyncFunction;
import io.runnel.api.functions.async.ResultFuture;
import io.runnel.runtime.ExactlyOnceRecoveryIT.CountAndSum;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asynchronous lookups end to end: results complete on another thread after random delays; ordered mode keeps
 * input order, unordered mode never lets a result pass a later watermark, capacity bounds the requests in flight,
 * timeouts reach the function's hook, and in-flight inputs survive a failure through the checkpoint (keyed
 * counts of the results equal a plain loop).
 */
class AsyncIOIT {

    /** Completes v -> 2v on a shared scheduler after 0-2 ms; counts the requests in flight. */
    static final class Doubler implements AsyncFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        static final ScheduledExecutorService POOL = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "async-io-test");
            t.setDaemon(true);
            return t;
        });
        static final Map<String, AtomicInteger> IN_FLIGHT = new ConcurrentHashMap<>();
        static final Map<String, AtomicInteger> MAX_IN_FLIGHT = new ConcurrentHashMap<>();
        private final String runId;
        private final long neverAnswer;

        Doubler(String runId, long neverAnswer) {
            this.runId = runId;
            this.neverAnswer = neverAnswer;
        }

        @Override
        public void asyncInvoke(Long v, ResultFuture<Long> result) {
            int now = IN_FLIGHT.get(runId).incrementAndGet();
            MAX_IN_FLIGHT.get(runId).accumulateAndGet(now, Math::max);
            if (v == neverAnswer) {
                IN_FLIGHT.get(runId).decrementAndGet();
                return;
            }
            POOL.schedule(() -> {
                IN_FLIGHT.get(runId).decrementAndGet();
                result.complete(List.of(2 * v));
            }, ThreadLocalRandom.current().nextInt(2_000), TimeUnit.MICROSECONDS);
        }

        @Override
        public void timeout(Long v, ResultFuture<Long> result) {
            result.complete(List.of(-1L));
        }
    }

    private static void init(String runId) {
        Doubler.IN_FLIGHT.put(runId, new AtomicInteger());
        Doubler.MAX_IN_FLIGHT.put(runId, new AtomicInteger());
    }

    @Test
    void orderedKeepsInputOrderBoundsInFlightAndTimesOut() throws Exception {
        init("ordered");
        long n = 20_000;
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        TestingSinks.Collecting<Long> sink = new TestingSinks.Collecting<>();
        AsyncDataStream.orderedWait(env.fromSource(new TestingSequenceSource(n, 1_000), "numbers"),
                new Doubler("ordered", 777), Duration.ofMillis(200), 16).sinkTo(sink);
        JobExecutionResult result = env.execute("async ordered");
        List<Long> expected = new ArrayList<>();
        for (long v = 0; v < n; v++) {
            expected.add(v == 777 ? -1 : 2 * v);
        }
        assertEquals(expected, result.getAccumulatorResult(sink.name()));
        int max = Doubler.MAX_IN_FLIGHT.get("ordered").get();
        assertTrue(max <= 16 && max > 1, "requests in flight at most the capacity: " + max);
    }

    /** Records each result's timestamp against the last watermark seen before it. */
    static final class LateCheck extends ProcessFunction<Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
                out.collect("late " + value + " at " + ctx.timestamp() + " <= " + ctx.timerService()
                        .currentWatermark());
            }
            out.collect("ok");
        }
    }

    @Test
    void unorderedResultsNeverPassALaterWatermark() throws Exception {
        init("unordered");
        long n = 20_000;
        Configuration conf = new Configuration();
        conf.setString("pipeline.auto-watermark-interval", "1 ms");
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(1);
        TestingSinks.Collecting<String> sink = new TestingSinks.Collecting<>();
        AsyncDataStream.unorderedWait(env.fromSource(new TestingSequenceSource(n, 1_000),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "numbers"),
                new Doubler("unordered", -5), Duration.ofSeconds(10), 32)
                .process(new LateCheck()).sinkTo(sink);
        List<String> out = env.execute("async unordered").getAccumulatorResult(sink.name());
        assertEquals(n, out.size(), "every result once, none late: " + out.stream().filter(s -> !s.equals("ok"))
                .limit(5).toList());
    }

    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();

    /** Throws once, after a checkpoint completed, far into the stream. */
    static final class FailOnce implements io.runnel.api.functions.MapFunction<Long, Long>, CheckpointListener {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long v) {
            if (v > 150_000 && CHECKPOINTED.get() && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at " + v);
            }
            return v;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }

    @Test
    void inFlightInputsSurviveAFailureThroughTheCheckpoint(@TempDir Path dir) throws Exception {
        init("recovery");
        FAILED.set(false);
        CHECKPOINTED.set(false);
        long n = 400_000;
        long keys = 100;
        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.toString());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofMillis(10));
        env.setRestartStrategy(RestartStrategies.fixedDelay(3, Duration.ZERO));
        TestingSinks.Collecting<Tuple3<Long, Long, Long>> sink = new TestingSinks.Collecting<>();
        AsyncDataStream.unorderedWait(env.fromSource(new TestingSequenceSource(n, 5_000), "numbers"),
                        new Doubler("recovery", -5), Duration.ofSeconds(10), 64)
                .map(new FailOnce())
                .keyBy(v -> v % keys)
                .process(new CountAndSum())
                .sinkTo(sink);
        JobExecutionResult result = env.execute("async recovery");
        assertTrue(FAILED.get(), "the failure happened");
        List<Tuple3<Long, Long, Long>> rows = new ArrayList<>(result.getAccumulatorResult(sink.name()));
        rows.sort((a, b) -> Long.compare(a.f0(), b.f0()));
        List<Tuple3<Long, Long, Long>> expected = new ArrayList<>();
        long[] count = new long[(int) keys];
        long[] sum = new long[(int) keys];
        for (long v = 0; v < n; v++) {
            count[(int) ((2 * v) % keys)]++;
            sum[(int) ((2 * v) % keys)] += 2 * v;
        }
        for (int k = 0; k < keys; k++) {
            if (count[k] > 0) {
                expected.add(new Tuple3<>((long) k, count[k], sum[k]));
            }
        }
        long total = rows.stream().mapToLong(Tuple3::f1).sum();
        assertEquals(n, total, "results counted over all keys");
        assertEquals(expected, rows);
    }
}
