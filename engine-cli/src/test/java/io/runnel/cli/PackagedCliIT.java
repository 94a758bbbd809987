package io.runnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.connector.file.FileSink;
import io.runnel.examples.BundledInput;
import io.runnel.examples.flights.FlightDelays;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged CLI as users do, {@code java -jar engine-cli-VERSION.jar ...} in a separate JVM, which checks
 * the jar's manifest (Main-Class, Class-Path into lib/) and that logs go to the log file, not the terminal.
 * Failsafe passes the jar's path in {@code runnel.cli.jar}.
 */
class PackagedCliIT {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    private record Outcome(int exitCode, List<String> out, String err) {
    }

    private Outcome runJar(String... args) throws Exception {
        return awaitOutcome(startJar(args), args);
    }

    /** Starts {@code java -jar CLI args...} with stdout and stderr going to out.txt and err.txt in {@link #dir}. */
    private Process startJar(String... args) throws Exception {
        String jar = System.getProperty("runnel.cli.jar");
        assertTrue(jar != null && Files.isRegularFile(Paths.get(jar)),
                "runnel.cli.jar must name the packaged CLI jar (run through 'mvn verify'), got " + jar);
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("RUNNEL_LOG_FILE", dir.resolve("log" + File.separator + "runnel.log").toString());
        return builder.start();
    }

    private Outcome awaitOutcome(Process process, String... args) throws Exception {
        Path err = dir.resolve("err.txt");
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("runnel " + String.join(" ", args) + " did not end in " + TIMEOUT_SECONDS
                    + " s; stderr: " + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readAllLines(dir.resolve("out.txt")), Files.readString(err));
    }

    @Test
    void packagedJarRunsFlightDelaysAndLogsToTheLogFile() throws Exception {
        Outcome outcome = runJar("run", "flight-delays");

        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.err());
        assertEquals(10, outcome.out().size(), String.join("\n", outcome.out()));
        outcome.out().forEach(line -> assertTrue(line.matches("[A-Z]{3},\\d+,-?\\d+\\.\\d\\d"), line));
        assertTrue(Files.size(dir.resolve("log").resolve("runnel.log")) > 0, "the engine logged to the log file");
    }

    @Test
    void packagedJarReportsVersionAndBadArguments() throws Exception {
        Outcome version = runJar("--version");
        assertEquals(ExitCode.OK, version.exitCode(), version.err());
        assertEquals("runnel " + VersionProvider.version(), version.out().get(0));

        Outcome bad = runJar("run", "flight-delays", "--min-flights", "-5");
        assertEquals(ExitCode.USAGE, bad.exitCode());
        assertEquals("Error: flight-delays: --min-flights expects a whole number >= 0, got '-5'"
                + System.lineSeparator(), bad.err());
    }

    @Test
    void sigtermStopsTheJobWithASavepointFromWhichItResumes() throws Exception {
        Path input = Files.copy(BundledInput.extract(FlightDelays.BUNDLED_INPUT), dir.resolve("flights.csv"));
        Path savepoints = dir.resolve("savepoints");
        // 20,000 flights at 4,000 per second take 5 s; SIGTERM comes once the first hours were written.
        String[] args = {"run", "--parallelism", "1", "--checkpoint-interval", "200ms", "--savepoint-dir",
            savepoints.toString(), "flight-delays-hourly", "--input", input.toString(), "--output",
            dir.resolve("first").toString(), "--rate", "4000"};
        Process process = startJar(args);
        awaitLine(dir.resolve("err.txt"), "checkpoints every 200 ms");
        awaitOutput(dir.resolve("first"));
        process.destroy();
        Outcome stopped = awaitOutcome(process, args);

        assertEquals(128 + 15, stopped.exitCode(), stopped.err());
        Matcher savepointLine = Pattern.compile("Savepoint of job [0-9a-f]{32}: (\\S+) \\(resume with").matcher(
                stopped.err());
        assertTrue(savepointLine.find(), stopped.err());
        String savepoint = savepointLine.group(1);

        Outcome resumed = runJar("run", "--parallelism", "1", "-s", savepoint,
                "flight-delays-hourly", "--input", input.toString(), "--output", dir.resolve("second").toString());
        assertEquals(ExitCode.OK, resumed.exitCode(), resumed.err());
        Outcome uninterrupted = runJar("run", "--parallelism", "1", "flight-delays-hourly", "--input",
                input.toString(), "--output", dir.resolve("uninterrupted").toString());
        assertEquals(ExitCode.OK, uninterrupted.exitCode(), uninterrupted.err());

        List<String> beforeStop = partFileLines(dir.resolve("first"));
        List<String> expected = partFileLines(dir.resolve("uninterrupted"));
        assertFalse(beforeStop.isEmpty(), "the first run wrote hours before it was stopped");
        assertTrue(beforeStop.size() < expected.size(), beforeStop.size() + " of " + expected.size());
        // Exactly once over both runs (see StopWithSavepointIT).
        List<String> both = new ArrayList<>(beforeStop);
        both.addAll(partFileLines(dir.resolve("second")));
        Collections.sort(both);
        List<String> sortedExpected = new ArrayList<>(expected);
        Collections.sort(sortedExpected);
        assertEquals(sortedExpected, both);
    }

    /** Waits until some part file under {@code output} has a line (the job is under way). */
    private static void awaitOutput(Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Files.isDirectory(output) || partFileLines(output).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no output in " + output);
            }
            Thread.sleep(50);
        }
    }

    private static void awaitLine(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Files.exists(file) || !Files.readString(file).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in " + file);
            }
            Thread.sleep(50);
        }
    }

    /** @return the lines of the finished part files under {@code output} (the committed output) */
    private static List<String> partFileLines(Path output) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path part : FileSink.finishedPartFiles(output)) {
            lines.addAll(Files.readAllLines(part));
        }
        return lines;
    }
}
