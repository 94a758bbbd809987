package io.runnel.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.checkpoint.CheckpointedFunction;
import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.checkpoint.FunctionSnapshotContext;
import io.runnel.api.common.Configuration;
import io.runnel.api.environment.CheckpointingMode;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.MapFunction;
import io.runnel.connector.datagen.SequenceSource;
import io.runnel.connector.testing.PlannedFailures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end exactly-once of {@link FileSink} under seeded failures: numbers {@code 0..N-1} → a failure-injecting
 * map → the file sink, checkpoints every 20 ms, restarts without delay. Whatever the failures, the finished part
 * files must hold every number exactly once and no unfinished file may remain. Each seed picks one kind of failure
 * ({@link Mode}), where it happens, the bucket assigner and the rolling policy; 20 seeds at parallelism 1 and 2.
 */
class FileSinkIT {

    private static final long N = 40_000;
    private static final int SEEDS = 20;

    /** Where the injected failures happen. */
    enum Mode {
        /** The map throws on a record, twice, each after a checkpoint completed since the previous failure. */
        RECORD,
        /** The map throws in {@code notifyCheckpointComplete}: the checkpoint completed, the sink was not told. */
        NOTIFICATION,
        /** The map throws in {@code snapshotState}, while the sink's transaction is being pre-committed. */
        SNAPSHOT,
        /** The map throws on a record, then on the first record after the restore: two restores from one checkpoint. */
        TWICE_FROM_ONE_CHECKPOINT
    }

    /** Per run id: how many failures were injected, and checkpoints completed since the last one. */
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> COMPLETED_SINCE_FAILURE = new ConcurrentHashMap<>();

    /** The failure the injector throws. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

    /**
     * Passes numbers through (sleeping 1 ms every 50, so checkpoints complete during the run) and fails as the
     * mode says: at a subtask's {@code offset}-th number of its range (so both subtasks fail early, before either
     * finished), after the {@code afterCheckpoints}-th completion. State is in static maps by run id, since the
     * job works on serialized copies.
     */
    static final class Injector implements MapFunction<Long, Long>, CheckpointListener, CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private final String runId;
        private final Mode mode;
        private final long offset;
        private final int afterCheckpoints;
        private final long rangeLength;

        Injector(String runId, Mode mode, long offset, int afterCheckpoints, int parallelism) {
            this.runId = runId;
            this.mode = mode;
            this.offset = offset;
            this.afterCheckpoints = afterCheckpoints;
            this.rangeLength = N / parallelism;
        }

        private boolean armed() {
            return COMPLETED_SINCE_FAILURE.get(runId).get() >= afterCheckpoints;
        }

        private void fail(String where, int maxFailures) {
            AtomicInteger failures = FAILURES.get(runId);
            int n = failures.get();
            if (n < maxFailures && failures.compareAndSet(n, n + 1)) {
                COMPLETED_SINCE_FAILURE.get(runId).set(0);
                throw new InjectedFailure("injected failure " + (n + 1) + " " + where);
            }
        }

        @Override
        public Long map(Long v) throws InterruptedException {
            if (v % 50 == 0) {
                Thread.sleep(1);
            }
            if (mode == Mode.RECORD && v % rangeLength >= offset && armed()) {
                fail("at " + v, 2);
            } else if (mode == Mode.TWICE_FROM_ONE_CHECKPOINT) {
                if (FAILURES.get(runId).get() == 1) {
                    fail("right after the restore, at " + v, 2);
                } else if (v % rangeLength >= offset && armed()) {
                    fail("at " + v, 1);
                }
            }
            return v;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED_SINCE_FAILURE.get(runId).incrementAndGet();
            if (mode == Mode.NOTIFICATION && armed()) {
                fail("on the completion of checkpoint " + checkpointId, 1);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            if (mode == Mode.SNAPSHOT && armed()) {
                fail("in the snapshot of checkpoint " + context.getCheckpointId(), 1);
            }
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
        }
    }

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            for (int p : new int[] {1, 2}) {
                runs.add(Arguments.of(seed, p));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "seed {0}, parallelism {1}")
    @MethodSource("runs")
    void finishedPartFilesHoldEveryNumberExactlyOnce(int seed, int parallelism, @TempDir Path dir) throws Exception {
        Random random = new Random(seed);
        Mode mode = Mode.values()[seed % Mode.values().length];
        String runId = seed + "-" + parallelism;
        FAILURES.put(runId, new AtomicInteger());
        COMPLETED_SINCE_FAILURE.put(runId, new AtomicInteger());
        long rangeLength = N / parallelism;
        long offset = rangeLength / 20 + (long) (random.nextDouble() * rangeLength / 3);
        int afterCheckpoints = 1 + random.nextInt(3);
        Path out = dir.resolve("out");
        FileSink.Builder<Long> builder = FileSink.forRowFormat(out, (Long v) -> Long.toString(v));
        if (random.nextBoolean()) {
            builder.withBucketAssigner(new ConstantBucketAssigner<>("numbers"));
        }
        builder.withRollingPolicy(random.nextBoolean() ? new OnCheckpointRollingPolicy()
                : DefaultRollingPolicy.builder().maxPartSize(1024 + random.nextInt(8192)).build());

        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.resolve("checkpoints").toUri().toString());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(Duration.ofMillis(20), CheckpointingMode.EXACTLY_ONCE);
        env.setRestartStrategy(RestartStrategies.fixedDelay(5, Duration.ZERO));
        env.fromSource(new SequenceSource(0, N - 1), "numbers")
                .map(new Injector(runId, mode, offset, afterCheckpoints, parallelism))
                .addSink(builder.build());
        PlannedFailures.execute(env, "file sink exactly-once " + runId + " " + mode, t -> t instanceof InjectedFailure);

        int expectedFailures = mode == Mode.RECORD || mode == Mode.TWICE_FROM_ONE_CHECKPOINT ? 2 : 1;
        assertEquals(expectedFailures, FAILURES.get(runId).get(), mode + ": every planned failure happened");
        assertExactlyOnce(out);
    }

    private static void assertExactlyOnce(Path out) throws Exception {
        int[] seen = new int[(int) N];
        long lines = 0;
        for (Path part : FileSink.finishedPartFiles(out)) {
            for (String line : Files.readAllLines(part)) {
                seen[Integer.parseInt(line)]++;
                lines++;
            }
        }
        List<Integer> missing = new ArrayList<>();
        List<Integer> duplicated = new ArrayList<>();
        for (int v = 0; v < N; v++) {
            if (seen[v] == 0) {
                missing.add(v);
            } else if (seen[v] > 1) {
                duplicated.add(v);
            }
        }
        assertTrue(missing.isEmpty() && duplicated.isEmpty(), lines + " lines; missing " + head(missing)
                + ", more than once " + head(duplicated));
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> unfinished = files.filter(p -> PartFile.isUnfinished(p.getFileName().toString())).toList();
            assertEquals(List.of(), unfinished, "no in-progress or pending file is left");
        }
    }

    private static String head(List<Integer> values) {
        return values.size() + " " + values.subList(0, Math.min(10, values.size()));
    }
}
