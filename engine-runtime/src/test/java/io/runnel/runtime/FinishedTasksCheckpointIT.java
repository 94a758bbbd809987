package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.Tuple3;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.MapFunction;
import io.runnel.runtime.ExactlyOnceRecoveryIT.CountAndSum;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoints go on after a bounded source finished early, and a restore from such a checkpoint keeps that
 * source finished: its numbers are counted exactly once although the job fails after it ended. The long input is
 * one split, so at parallelism 2 one of its subtasks finishes at once: a partly finished source must run again
 * on restore, wherever its split lands.
 */
class FinishedTasksCheckpointIT {

    private static final long SHORT = 1_000;
    private static final long LONG = 1_500_000;
    private static final long KEYS = 100;
    private static final AtomicInteger CHECKPOINTS = new AtomicInteger();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    /** Throws once, on the long input, after three checkpoints completed (the short source has ended by then). */
    static final class FailAfterCheckpoints implements MapFunction<Long, Long>, CheckpointListener {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long v) throws InterruptedException {
            if (v % 1_000 == 0) {
                // Keeps the long input alive across several checkpoints.
                Thread.sleep(1);
            }
            if (CHECKPOINTS.get() >= 3 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at " + v);
            }
            return v;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTS.incrementAndGet();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void aFinishedSourceStaysFinishedAcrossARestore(int parallelism, @TempDir Path dir) throws Exception {
        CHECKPOINTS.set(0);
        FAILED.set(false);
        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.toString());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(Duration.ofMillis(20));
        env.setRestartStrategy(RestartStrategies.fixedDelay(1, Duration.ZERO));
        TestingSinks.Collecting<Tuple3<Long, Long, Long>> sink = new TestingSinks.Collecting<>();
        env.fromSource(new TestingSequenceSource(SHORT, 100), "short").uid("short")
                .union(env.fromSource(new TestingSequenceSource(LONG, LONG), "long").uid("long")
                        .map(new FailAfterCheckpoints()).uid("fail"))
                .keyBy(v -> v % KEYS)
                .process(new CountAndSum()).uid("count")
                .sinkTo(sink);
        JobExecutionResult result = env.execute("finished tasks");
        assertTrue(FAILED.get(), "the failure happened");

        Map<Long, long[]> expected = new HashMap<>();
        for (long[] range : new long[][] {{0, SHORT}, {0, LONG}}) {
            for (long v = range[0]; v < range[1]; v++) {
                long[] cs = expected.computeIfAbsent(v % KEYS, k -> new long[2]);
                cs[0]++;
                cs[1] += v;
            }
        }
        List<Tuple3<Long, Long, Long>> rows = result.getAccumulatorResult(sink.name());
        assertEquals(KEYS, rows.size());
        for (Tuple3<Long, Long, Long> row : rows) {
            long[] cs = expected.get(row.f0());
            assertEquals(cs[0], row.f1(), "count of key " + row.f0());
            assertEquals(cs[1], row.f2(), "sum of key " + row.f0());
        }
    }
}
