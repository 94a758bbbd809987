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
import java.nio.file.Path;
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

    private record Stopped(String savepoint, JobExecutionResult result, String sinkName) {
    }

    private Stopped runAndStop(Path dir, String countUid, boolean drain) throws Exception {
        SavepointRescalingIT.SEEN.put("options", new AtomicLong());
        CountDownLatch progress = new CountDownLatch(1);
        SavepointRescalingIT.PROGRESS.put("options", progress);
        TestingSinks.Collecting<Tuple3<Long, Long, Long>> sink = new TestingSinks.Collecting<>();
        JobClient client = env(dir, countUid, null, false, sink).executeAsync("stopped");
        assertTrue(progress.await(1, TimeUnit.MINUTES));
        String savepoint;
        while (true) {
            try {
                savepoint = client.stopWithSavepoint(drain, dir.resolve("savepoints").toString()).get(1,
                        TimeUnit.MINUTES);
                break;
            } catch (ExecutionException e) {
                if (!String.valueOf(e.getCause().getMessage()).contains("not every task is running")) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
        return new Stopped(savepoint, client.getJobExecutionResult().get(), sink.name());
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
