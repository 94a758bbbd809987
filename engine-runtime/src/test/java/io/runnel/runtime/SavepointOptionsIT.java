package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionException;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobStatus;
import io.runnel.api.common.Tuple3;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.runtime.ExactlyOnceRecoveryIT.CountAndSum;
import io.runnel.runtime.SavepointRescalingIT.Progress;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.Collector;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.windows.TimeWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoint options: state of an operator the job no longer has fails the restore, naming the operator, unless
 * dropping it is allowed; a drained stop fires every event-time timer before the savepoint.
 */
class SavepointOptionsIT {

    private static final long N = 3_000_000;
    private static final long KEYS = 100;

    @Test
    void unmatchedStateFailsTheRestoreUnlessAllowed(@TempDir Path dir) throws Exception {
        String savepoint = runAndStop(dir, "count-v1", false).savepoint;

        JobExecutionException e = assertThrows(JobExecutionException.class,
                () -> env(dir, "count-v2", savepoint, false, new TestingSinks.Collecting<>()).execute("renamed"));
        assertEquals(JobStatus.FAILED, e.getStatus());
        assertTrue(String.valueOf(e.getCause()).contains("[count-v1]")
                && String.valueOf(e.getCause()).contains("allow-non-restored-state"), String.valueOf(e.getCause()));

        TestingSinks.Collecting<Tuple3<Long, Long, Long>> sink = new TestingSinks.Collecting<>();
        JobExecutionResult result = env(dir, "count-v2", savepoint, true, sink).execute("allowed");
        List<Tuple3<Long, Long, Long>> rows = result.getAccumulatorResult(sink.name());
        assertEquals(KEYS, rows.size());
        long counted = rows.stream().mapToLong(Tuple3::f1).sum();
        assertTrue(counted > 0 && counted < N, "the counts before the savepoint were dropped: " + counted);
    }

    @Test
    void aDrainedStopFiresEveryTimerBeforeTheSavepoint(@TempDir Path dir) throws Exception {
        Stopped stopped = runAndStop(dir, "count", true);
        List<Tuple3<Long, Long, Long>> rows = stopped.result.getAccumulatorResult(stopped.sinkName);
        assertEquals(KEYS, rows.size(), "the final watermark fired every key's timer");
        long counted = rows.stream().mapToLong(Tuple3::f1).sum();
        assertTrue(counted > 0 && counted < N, "stopped part-way: " + counted);
    }

    @Test
    void windowsFireExactlyOnceAcrossAStopWithoutDrainAndTheResume(@TempDir Path dir) throws Exception {
        SavepointRescalingIT.SEEN.put("windows", new AtomicLong());
        CountDownLatch progress = new CountDownLatch(1);
        SavepointRescalingIT.PROGRESS.put("windows", progress);
        TestingSinks.Collecting<String> before = new TestingSinks.Collecting<>();
        JobClient client = windows(dir, null, before).executeAsync("windows");
        assertTrue(progress.await(1, TimeUnit.MINUTES));
        String savepoint = stopWithSavepoint(client, false, dir.resolve("savepoints").toString());
        List<String> first = client.getJobExecutionResult().get().getAccumulatorResult(before.name());

        TestingSinks.Collecting<String> after = new TestingSinks.Collecting<>();
        List<String> second = windows(dir, savepoint, after).execute("windows, resumed")
                .getAccumulatorResult(after.name());
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        Collections.sort(all);
        List<String> expected = new ArrayList<>();
        for (long start = 0; start < N; start += WINDOW) {
            for (long k = 0; k < 10; k++) {
                long count = 0;
                long sum = 0;
                for (long v = start + k; v < Math.min(N, start + WINDOW); v += 10) {
                    count++;
                    sum += v;
                }
                expected.add(k + "," + start + "," + count + "," + sum);
            }
        }
        Collections.sort(expected);
        assertTrue(first.size() < expected.size(), "stopped part-way: " + first.size());
        List<String> missing = new ArrayList<>(expected);
        all.forEach(missing::remove);
        List<String> extra = new ArrayList<>(all);
        expected.forEach(extra::remove);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "every window exactly once over both runs; missing "
                + missing.subList(0, Math.min(10, missing.size())) + " (" + missing.size() + "), extra "
                + extra.subList(0, Math.min(10, extra.size())) + " (" + extra.size() + "), first run "
                + first.size() + ", second " + second.size());
    }

    private static final long WINDOW = 10_000;

    /** Per key (v % 10) and event-time window of 10,000 (event time = v): "key,start,count,sum". */
    static final class CountSumWindow extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context ctx, Iterable<Long> values, Collector<String> out) {
            long count = 0;
            long sum = 0;
            for (long v : values) {
                count++;
                sum += v;
            }
            out.collect(key + "," + ctx.window().getStart() + "," + count + "," + sum);
        }
    }

    private static StreamExecutionEnvironment windows(Path dir, String savepoint, TestingSinks.Collecting<String> sink) {
        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.resolve("checkpoints").toString());
        conf.setString("pipeline.auto-watermark-interval", "2 ms");
        if (savepoint != null) {
            conf.setString("execution.savepoint.path", savepoint);
        }
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.fromSource(new TestingSequenceSource(N, 50_000),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "numbers")
                .uid("numbers")
                .map(new Progress("windows")).uid("progress")
                .keyBy(v -> v % 10)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                .process(new CountSumWindow()).uid("windows")
                .sinkTo(sink);
        return env;
    }

    private record Stopped(String savepoint, JobExecutionResult result, String sinkName) {
    }

    private Stopped runAndStop(Path dir, String countUid, boolean drain) throws Exception {
        SavepointRescalingIT.SEEN.put("options", new AtomicLong());
        CountDownLatch progress = new CountDownLatch(1);
        SavepointRescalingIT.PROGRESS.put("options", progress);
        TestingSinks.Collecting<Tuple3<Long, Long, Long>> sink = new TestingSinks.Collecting<>();
        JobClient client = env(dir, countUid, null, false, sink).executeAsync("stopped");
        assertTrue(progress.await(1, TimeUnit.MINUTES));
        String savepoint = stopWithSavepoint(client, drain, dir.resolve("savepoints").toString());
        return new Stopped(savepoint, client.getJobExecutionResult().get(), sink.name());
    }

    /** Retries while tasks are still being deployed (a savepoint needs every task running). */
    private static String stopWithSavepoint(JobClient client, boolean drain, String dir) throws Exception {
        while (true) {
            try {
                return client.stopWithSavepoint(drain, dir).get(1, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                if (!String.valueOf(e.getCause().getMessage()).contains("not every task is running")) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    private static StreamExecutionEnvironment env(Path dir, String countUid, String savepoint, boolean allow,
                                                  TestingSinks.Collecting<Tuple3<Long, Long, Long>> sink) {
        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.resolve("checkpoints").toString());
        if (savepoint != null) {
            conf.setString("execution.savepoint.path", savepoint);
            conf.setString("execution.savepoint.ignore-unclaimed-state", String.valueOf(allow));
        }
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.fromSource(new TestingSequenceSource(N, 20_000), "numbers").uid("numbers")
                .map(new Progress("options")).uid("progress")
                .keyBy(v -> v % KEYS).process(new CountAndSum()).uid(countUid).sinkTo(sink);
        return env;
    }
}
