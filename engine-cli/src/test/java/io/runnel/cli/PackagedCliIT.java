package io.runnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        String jar = System.getProperty("runnel.cli.jar");
        assertTrue(jar != null && Files.isRegularFile(Paths.get(jar)),
                "runnel.cli.jar must name the packaged CLI jar (run through 'mvn verify'), got " + jar);
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("RUNNEL_LOG_FILE", dir.resolve("log" + File.separator + "runnel.log").toString());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("runnel " + String.join(" ", args) + " did not end in " + TIMEOUT_SECONDS
                    + " s; stderr: " + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readAllLines(out), Files.readString(err));
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
}
