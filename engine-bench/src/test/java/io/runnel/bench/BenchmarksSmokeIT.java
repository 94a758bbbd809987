package io.runnel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs every workload through the engine in this JVM (no fork) at records scale 0.001. */
class BenchmarksSmokeIT {

    private static final double SCALE = 0.001;

    @ParameterizedTest
    @ValueSource(strings = {"W1", "W2", "W2-RocksDB", "W3", "W6"})
    void engineAtParallelismOneAndTwoMatchesTheLoop(String name) throws Exception {
        Workload workload = Workload.of(name, SCALE);
        RunResult loop = workload.runLoop(true);
        assertTrue(loop.sinkRecords() > 0, "loop count");
        workload.expectedSinkRecords().ifPresent(n -> assertEquals(n, loop.sinkRecords(), "loop count"));
        for (int parallelism : new int[] {1, 2}) {
            RunResult engine = workload.runEngine(parallelism);
            assertEquals(loop.sinkRecords(), engine.sinkRecords(), name + " p" + parallelism + " count");
            assertEquals(loop.checksum(), engine.checksum(), name + " p" + parallelism + " checksum vs loop");
            assertTrue(engine.netRuntimeMillis() >= 0, "the job reports its net runtime");
        }
        if (workload.hasUnboxedLoop()) {
            RunResult unboxed = workload.runLoop(false);
            assertEquals(loop.checksum(), unboxed.checksum(), "unboxed loop checksum");
            assertEquals(loop.sinkRecords(), unboxed.sinkRecords(), "unboxed loop count");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"W4-heap", "W4-RocksDB", "W5"})
    void checkpointedWorkloadsEndWithW2sChecksum(String name) throws Exception {
        Workload workload = Workload.of(name, SCALE);
        RunResult loop = Workload.of(workload.reference().orElseThrow(), SCALE).runLoop(true);
        for (int parallelism : new int[] {1, 2}) {
            RunResult engine = workload.runEngine(parallelism);
            assertEquals(loop.sinkRecords(), engine.sinkRecords(), name + " p" + parallelism + " count");
            assertEquals(loop.checksum(), engine.checksum(), name + " p" + parallelism + " checksum vs W2's loop");
            assertTrue(engine.checkpoints() != null, "checkpoint figures");
            assertEquals(name.equals("W5"), engine.recoveryNanos() >= 0, "a recovery time exactly for W5");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "loop"})
    void forkModeMeasuresInThisJvmAndPrintsAResultLine(String mode) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = Benchmarks.run(new String[] {"--fork", "W2", mode, "--records-scale", Double.toString(SCALE),
            "--warmups", "1", "--runs", "2"}, out, out);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        String line = printed.lines().filter(l -> l.startsWith(ForkResult.PREFIX)).findFirst().orElseThrow();
        ForkResult result = ForkResult.parse(line);
        assertEquals(new ForkSpec("W2", mode), result.spec());
        assertEquals(Workload.of("W2", SCALE).expectedSinkRecords().getAsLong(), result.sinkRecords());
        assertEquals(Workload.of("W2", SCALE).runLoop(true).checksum(), result.checksum());
        assertTrue(result.recordsPerSecond() > 0, printed);
    }
}
