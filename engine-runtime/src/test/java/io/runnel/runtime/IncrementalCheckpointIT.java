package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.Tuple3;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.MapFunction;
import io.runnel.runtime.ExactlyOnceRecoveryIT.CountAndSum;
import io.runnel.runtime.checkpoint.CheckpointMetadataIO;
import io.runnel.runtime.checkpoint.CompletedCheckpoint;
import io.runnel.runtime.minicluster.MiniClusterJobClient;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import io.runnel.state.snapshot.FileStateHandle;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental RocksDB checkpoints end to end: retained checkpoints share SST files in the job's {@code shared}
 * directory, a file no retained checkpoint refers to is deleted, and a new job restores from the latest one,
 * finishes with the exact result, and leaves the first job's files alone.
 */
class IncrementalCheckpointIT {

    private static final long N = 2_000_000;
    private static final long KEYS = 5_000;
    private static final int RETAINED = 3;
    private static volatile boolean throttle;

    /** Slows the first job down (1 ms every 2,000 records) so that it lives through many checkpoints. */
    static final class Throttle implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long v) throws InterruptedException {
            if (throttle && v % 2_000 == 0) {
                Thread.sleep(1);
            }
            return v;
        }
    }

    @Test
    void checkpointsShareFilesDeleteUnreferencedOnesAndRestoreFromTheLatest(@TempDir Path dir) throws Exception {
        throttle = true;
        TestingSinks.Collecting<Tuple3<Long, Long, Long>> sink = new TestingSinks.Collecting<>();
        JobClient first = env(dir, null, sink).executeAsync("incremental");
        MiniClusterJobClient mini = (MiniClusterJobClient) first;
        while (mini.getCheckpointStats().completedCheckpoints().size() < 8) {
            assertTrue(!first.getJobExecutionResult().isDone(), "the job ended before 8 checkpoints");
            Thread.onSpinWait();
        }
        first.cancel();
        assertThrows(Exception.class, () -> first.getJobExecutionResult().get(1, TimeUnit.MINUTES));

        Path root = dir.resolve("checkpoints").resolve(first.getJobId().toString());
        List<CompletedCheckpoint> retained = new ArrayList<>();
        try (Stream<Path> chk = Files.list(root)) {
            for (Path p : chk.filter(p -> p.getFileName().toString().startsWith("chk-")).toList()) {
                retained.add(CheckpointMetadataIO.read(p.resolve("_metadata")));
            }
        }
        assertEquals(RETAINED, retained.size(), "retained checkpoint directories: " + retained);
        Map<Path, Integer> references = new HashMap<>();
        for (CompletedCheckpoint c : retained) {
            for (KeyedStateHandle h : c.keyedHandles()) {
                for (StreamStateHandle s : h.sharedState()) {
                    references.merge(((FileStateHandle) s).path(), 1, Integer::sum);
                }
            }
        }
        assertTrue(references.values().stream().anyMatch(n -> n > 1), "some SST file is shared: " + references);
        Set<Path> onDisk = new HashSet<>();
        try (Stream<Path> shared = Files.list(root.resolve("shared"))) {
            shared.forEach(onDisk::add);
        }
        assertEquals(references.keySet(), onDisk, "exactly the referenced shared files are kept");

        throttle = false;
        TestingSinks.Collecting<Tuple3<Long, Long, Long>> sink2 = new TestingSinks.Collecting<>();
        JobExecutionResult result = env(dir, root.toString(), sink2).execute("incremental, restored");
        for (Path file : references.keySet()) {
            assertTrue(Files.exists(file), "the restored job must not delete the first job's file " + file);
        }
        List<Tuple3<Long, Long, Long>> rows = result.getAccumulatorResult(sink2.name());
        Map<Long, long[]> actual = new HashMap<>();
        rows.forEach(r -> actual.put(r.f0(), new long[] {r.f1(), r.f2()}));
        assertEquals(KEYS, rows.size());
        for (long k = 0; k < KEYS; k++) {
            long count = 0;
            long sum = 0;
            for (long v = k; v < N; v += KEYS) {
                count++;
                sum += v;
            }
            assertTrue(Arrays.equals(new long[] {count, sum}, actual.get(k)), "key " + k);
        }
    }

    private static StreamExecutionEnvironment env(Path dir, String restoreFrom,
                                                  TestingSinks.Collecting<Tuple3<Long, Long, Long>> sink) {
        Configuration conf = new Configuration();
        conf.setString("state.backend", "rocksdb");
        conf.setString("state.checkpoints.dir", dir.resolve("checkpoints").toString());
        conf.setString("state.checkpoints.num-retained", String.valueOf(RETAINED));
        if (restoreFrom != null) {
            conf.setString("execution.savepoint.path", restoreFrom);
        }
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofMillis(30));
        env.fromSource(new TestingSequenceSource(N, 10_000), "numbers").uid("numbers")
                .map(new Throttle()).uid("throttle")
                .keyBy(v -> v % KEYS)
                .process(new CountAndSum()).uid("count-and-sum")
                .sinkTo(sink);
        return env;
    }
}
