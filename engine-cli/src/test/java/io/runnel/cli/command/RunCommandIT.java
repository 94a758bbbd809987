package io.runnel.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.cli.CliRun;
import io.runnel.cli.ExitCode;
import io.runnel.cli.TestJars;
import io.runnel.cli.testjobs.AsyncJob;
import io.runnel.cli.testjobs.BrokenInitJob;
import io.runnel.cli.testjobs.ConfigEchoJob;
import io.runnel.cli.testjobs.FailingJob;
import io.runnel.cli.testjobs.SquaresJob;
import io.runnel.cli.testjobs.SwallowingJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runnel run} end to end in this JVM, on the embedded MiniCluster: a job jar built here from a test class,
 * a failing job, and the bundled FlightDelays example.
 */
class RunCommandIT {

    @TempDir
    Path dir;

    @Test
    void runsJobJarInItsOwnClassLoaderWithTheGivenParallelism() throws Exception {
        Path jar = TestJars.write(dir.resolve("squares.jar"), SquaresJob.class.getName(), SquaresJob.class);
        Path result = dir.resolve("result.txt");

        CliRun run = CliRun.of("run", "--parallelism", "3", jar.toString(), result.toString(), "1000");

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals("", run.err());
        long expectedSum = LongStream.rangeClosed(1, 1000).map(x -> x * x).sum();
        assertEquals(List.of("sum=" + expectedSum, "count=1000", "parallelism=3",
                "loader=" + jar.toAbsolutePath().toUri().toURL()), Files.readAllLines(result));
    }

    @Test
    void runsJobJarWithTheEngineDefaultParallelismWhenNoneIsGiven() throws Exception {
        Path jar = TestJars.write(dir.resolve("squares.jar"), SquaresJob.class.getName(), SquaresJob.class);
        Path result = dir.resolve("result.txt");

        CliRun run = CliRun.of("run", jar.toString(), result.toString(), "10");

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals("sum=385", Files.readAllLines(result).get(0));
        assertEquals("parallelism=1", Files.readAllLines(result).get(2));
    }

    @Test
    void checkpointAndStateOptionsReachTheJobJarsConfiguration() throws Exception {
        Path jar = TestJars.write(dir.resolve("echo.jar"), ConfigEchoJob.class.getName(), ConfigEchoJob.class);
        Path result = dir.resolve("config.txt");
        Path checkpoints = dir.resolve("checkpoints");
        Path savepoints = dir.resolve("savepoints");

        CliRun run = CliRun.of("run", "--checkpoint-interval", "300ms", "--checkpointing-mode", "at-least-once",
                "--checkpoint-dir", checkpoints.toString(), "--state", "rocksdb", "--savepoint-dir",
                savepoints.toString(), jar.toString(), result.toString());

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        List<String> keys = Files.readAllLines(result);
        assertTrue(keys.containsAll(List.of("execution.checkpointing.interval=300 ms",
                "execution.checkpointing.mode=AT_LEAST_ONCE", "state.checkpoints.dir=" + checkpoints,
                "state.backend=rocksdb", "state.savepoints.dir=" + savepoints)), keys.toString());
        List<String> err = run.err().lines().toList();
        assertEquals("Ctrl-C stops the job with a savepoint into " + savepoints, err.get(0));
        assertTrue(err.get(1).matches("Job [0-9a-f]{32} checkpoints every 300 ms \\(AT_LEAST_ONCE\\) into "
                + java.util.regex.Pattern.quote(checkpoints.toString()) + "/[0-9a-f]{32}"), err.get(1));
        assertEquals(2, err.size(), run.err());
    }

    @Test
    void failedJobExitsOneWithItsRootCauseOnOneLine() throws Exception {
        Path jar = TestJars.write(dir.resolve("failing.jar"), null, FailingJob.class);

        CliRun run = CliRun.of("run", "--class", FailingJob.class.getName(), jar.toString());

        assertEquals(ExitCode.FAILED, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("Error: job failed: java.lang.ArithmeticException: cannot handle 42 (see "
                + "log for the stack trace"), run.err());
    }

    @Test
    void aJobFailureThatMainSwallowsStillExitsOne() throws Exception {
        Path jar = TestJars.write(dir.resolve("swallowing.jar"), SwallowingJob.class.getName(),
                SwallowingJob.class, FailingJob.class);

        CliRun run = CliRun.of("run", jar.toString());

        assertEquals(ExitCode.FAILED, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("Error: job failed: java.lang.ArithmeticException: cannot handle 42 (see "
                + "log for the stack trace"), run.err());
    }

    @Test
    void aJobStartedWithExecuteAsyncRunsToTheEndBeforeTheCommandReturns() throws Exception {
        Path jar = TestJars.write(dir.resolve("async.jar"), AsyncJob.class.getName(), AsyncJob.class);
        Path out = dir.resolve("out");
        long n = 200_000;

        CliRun run = CliRun.of("run", "--parallelism", "1", jar.toString(), out.toString(), Long.toString(n));

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals("", run.err());
        // main returned right after submitting; the part file is complete only if the CLI waited for the job.
        List<String> lines = Files.readAllLines(out.resolve("part-0-0"));
        assertEquals(n, lines.size());
        assertEquals(Long.toString(n), lines.get(lines.size() - 1));
    }

    @Test
    void aFailedJobStartedWithExecuteAsyncExitsOne() throws Exception {
        Path jar = TestJars.write(dir.resolve("async.jar"), AsyncJob.class.getName(), AsyncJob.class);

        CliRun run = CliRun.of("run", jar.toString(), "fail");

        assertEquals(ExitCode.FAILED, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("Error: job failed: java.lang.ArithmeticException: cannot handle 42 "
                + "asynchronously (see log for the stack trace"), run.err());
    }

    @Test
    void aMainClassWhoseStaticInitializerThrowsExitsOneWithItsRootCause() throws Exception {
        Path jar = TestJars.write(dir.resolve("broken.jar"), BrokenInitJob.class.getName(), BrokenInitJob.class);

        CliRun run = CliRun.of("run", jar.toString());

        assertEquals(ExitCode.FAILED, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("Error: main class " + BrokenInitJob.class.getName() + " cannot be "
                + "initialized: java.lang.IllegalStateException: no configuration for BrokenInitJob (see log"),
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void runsFlightDelaysExampleAndPrintsTenRankedLines() {
        List<String> lines = captureStdout(() -> {
            CliRun run = CliRun.of("run", "flight-delays", "--min-flights", "300");
            assertEquals(ExitCode.OK, run.exitCode(), run.err());
            assertEquals("", run.err());
            return run;
        }).lines().toList();

        assertEquals(10, lines.size(), String.join("\n", lines));
        BigDecimal previous = null;
        for (String line : lines) {
            assertTrue(line.matches("[A-Z]{3},\\d+,-?\\d+\\.\\d\\d"), line);
            String[] fields = line.split(",");
            assertTrue(Long.parseLong(fields[1]) >= 300, line);
            BigDecimal mean = new BigDecimal(fields[2]);
            assertTrue(previous == null || previous.compareTo(mean) >= 0, "descending means: " + lines);
            previous = mean;
        }
        // The result must not depend on the parallelism the CLI sets.
        String atParallelismOne = captureStdout(() -> CliRun.of("run", "--parallelism", "1", "flight-delays",
                "--min-flights", "300"));
        assertEquals(lines, atParallelismOne.lines().toList());
    }

    /** Runs {@code body} with {@code System.out} captured, since the example's print sink writes there. */
    private static String captureStdout(Supplier<CliRun> body) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CliRun run = body.get();
            assertEquals(ExitCode.OK, run.exitCode(), run.err());
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
