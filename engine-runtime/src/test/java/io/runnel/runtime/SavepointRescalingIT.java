package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobStatus;
import io.runnel.api.common.Tuple3;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.MapFunction;
import io.runnel.runtime.ExactlyOnceRecoveryIT.CountAndSum;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rescaling through savepoints: a keyed count and sum runs at parallelism 2, stops with a savepoint, resumes at 3,
 * stops again, and resumes at 1 to the end. The final state of every key equals a plain loop over the numbers,
 * on both backends.
 */
class SavepointRescalingIT {

    private static final long N = 3_000_000;
    private static final long KEYS = 1_000;

    /** Per run: records seen in the current phase, and the latch the test waits on before stopping. */
    static final Map<String, AtomicLong> SEEN = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> PROGRESS = new ConcurrentHashMap<>();

    /** Passes numbers through; opens the run's latch after 100,000 of them, so the test stops a busy job. */
    static final class Progress implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final String runId;

        Progress(String runId) {
            this.runId = runId;
        }

        @Override
        public Long map(Long v) {
            if (SEEN.get(runId).incrementAndGet() == 100_000) {
                PROGRESS.get(runId).countDown();
            }
            return v;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void stopWithSavepointAtTwoResumeAtThreeThenAtOneEqualsThePlainComputation(String backend, @TempDir Path dir)
            throws Exception {
        String first = stopAfterProgress(backend, 2, null, dir);
        assertTrue(Files.exists(Path.of(first, "_metadata")), "savepoint metadata in " + first);
        String second = stopAfterProgress(backend, 3, first, dir);
        JobClient last = submit(backend, 1, second, dir, "last");
        JobExecutionResult result = last.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        List<Tuple3<Long, Long, Long>> rows = result.getAccumulatorResult(lastSink.name());
        Map<Long, long[]> actual = new HashMap<>();
        for (Tuple3<Long, Long, Long> row : rows) {
            assertEquals(null, actual.put(row.f0(), new long[] {row.f1(), row.f2()}), "key " + row.f0() + " twice");
        }
        Map<Long, long[]> expected = new HashMap<>();
        for (long v = 0; v < N; v++) {
            long[] cs = expected.computeIfAbsent(v % KEYS, k -> new long[2]);
            cs[0]++;
            cs[1] += v;
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, cs) -> assertTrue(java.util.Arrays.equals(cs, actual.get(k)), "key " + k + ": "
                + java.util.Arrays.toString(actual.get(k)) + " != " + java.util.Arrays.toString(cs)));
    }

    private TestingSinks.Collecting<Tuple3<Long, Long, Long>> lastSink;

    /** Runs from {@code savepoint} (or fresh) until 100,000 records went by, then stops with a savepoint. */
    private String stopAfterProgress(String backend, int parallelism, String savepoint, Path dir) throws Exception {
        String runId = backend + "-" + parallelism;
        JobClient client = submit(backend, parallelism, savepoint, dir, runId);
        assertTrue(PROGRESS.get(runId).await(1, TimeUnit.MINUTES), "job made progress");
        String path = stopWithSavepoint(client, dir.resolve("savepoints").toString());
        assertEquals(JobStatus.FINISHED, client.getJobStatus().get());
        assertTrue(client.getJobExecutionResult().get().<List<?>>getAccumulatorResult(lastSink.name()).isEmpty(),
                "no key emitted before the end of input");
        return path;
    }

    /** Retries while the job's tasks are still being deployed (a savepoint needs every task running). */
    private static String stopWithSavepoint(JobClient client, String dir) throws Exception {
        for (int attempt = 0; ; attempt++) {
            CompletableFuture<String> f = client.stopWithSavepoint(false, dir);
            try {
                return f.get(1, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                if (attempt > 100 || !String.valueOf(e.getCause().getMessage()).contains("not every task is running")) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    private JobClient submit(String backend, int parallelism, String savepoint, Path dir, String runId) {
        SEEN.put(runId, new AtomicLong());
        PROGRESS.put(runId, new CountDownLatch(1));
        Configuration conf = new Configuration();
        conf.setString("state.backend", backend);
        conf.setString("state.checkpoints.dir", dir.resolve("checkpoints").toString());
        if (savepoint != null) {
            conf.setString("execution.savepoint.path", savepoint);
        }
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        lastSink = new TestingSinks.Collecting<>();
        env.fromSource(new TestingSequenceSource(N, 20_000), "numbers").uid("numbers")
                .map(new Progress(runId)).uid("progress")
                .keyBy(v -> v % KEYS)
                .process(new CountAndSum()).uid("count-and-sum")
                .sinkTo(lastSink);
        return env.executeAsync("rescaling " + runId);
    }
}
