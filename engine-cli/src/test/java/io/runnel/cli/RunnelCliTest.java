package io.runnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.cli.testjobs.NoMain;
import io.runnel.cli.testjobs.NotAJob;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's usage errors, run in-process: each must exit with code 2 and print exactly one line on standard
 * error, and none needs a running cluster.
 */
class RunnelCliTest {

    @TempDir
    Path dir;

    private static void assertUsageError(String expectedErr, CliRun run) {
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertEquals(expectedErr + System.lineSeparator(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void missingJarFileExitsTwo() {
        String jar = dir.resolve("missing.jar").toString();
        assertUsageError("Error: Job jar not found: " + jar, CliRun.of("run", jar));
    }

    @Test
    void unknownExampleNameExitsTwo() {
        assertUsageError("Error: No job jar or bundled example named 'flight_delays' (see 'runnel examples')",
                CliRun.of("run", "flight_delays"));
    }

    @Test
    void jarWithoutMainClassExitsTwo() throws Exception {
        Path jar = TestJars.write(dir.resolve("nomain.jar"), null, NotAJob.class);
        assertUsageError("Error: Job jar " + jar + " has no Main-Class in its manifest; name the main class with "
                + "--class", CliRun.of("run", jar.toString()));
    }

    @Test
    void fileThatIsNotAJarExitsTwo() throws Exception {
        Path notJar = Files.writeString(dir.resolve("job.jar"), "not a zip file");
        CliRun run = CliRun.of("run", notJar.toString());
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("Error: Cannot read job jar " + notJar + ": "), run.err());
        assertEquals(1, run.err().lines().count());
    }

    @Test
    void mainClassNotInJarExitsTwo() throws Exception {
        Path jar = TestJars.write(dir.resolve("job.jar"), "com.example.Missing", NotAJob.class);
        assertUsageError("Error: Main class com.example.Missing not found in " + jar, CliRun.of("run", jar.toString()));
        assertUsageError("Error: Main class com.example.Other not found in " + jar,
                CliRun.of("run", "--class", "com.example.Other", jar.toString()));
    }

    @Test
    void classWithoutMainMethodExitsTwo() throws Exception {
        Path jar = TestJars.write(dir.resolve("job.jar"), NoMain.class.getName(), NoMain.class);
        assertUsageError("Error: Main class " + NoMain.class.getName() + " has no public static void main(String[]) "
                + "method", CliRun.of("run", jar.toString()));
    }

    @Test
    void mainClassThatRunsNoJobExitsTwo() throws Exception {
        Path jar = TestJars.write(dir.resolve("job.jar"), NotAJob.class.getName(), NotAJob.class);
        assertUsageError("Error: Main class " + NotAJob.class.getName() + " did not execute a Runnel job",
                CliRun.of("run", jar.toString(), "some", "--args"));
    }

    @Test
    void jarPathThatIsNotAValidPathExitsTwo() {
        assertUsageError("Error: Job jar path 'bad\0.jar' is not a valid path (Nul character not allowed), nor is it "
                + "the name of a bundled example (see 'runnel examples')", CliRun.of("run", "bad\0.jar"));
    }

    @Test
    void logFileThatIsNotAValidPathExitsTwo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String bad = dir + "/bad\0.log";
        // LogSetup reads RUNNEL_LOG_FILE only while no log file is configured as a system property.
        String previous = System.clearProperty(LogSetup.LOG_FILE);
        int code;
        try {
            code = RunnelCli.run(new String[] {"--version"}, Map.of("RUNNEL_LOG_FILE", bad),
                    new PrintWriter(out, true), new PrintWriter(err, true));
        } finally {
            if (previous != null) {
                System.setProperty(LogSetup.LOG_FILE, previous);
            }
        }

        assertUsageError("Error: RUNNEL_LOG_FILE is not a valid path (Nul character not allowed): " + bad,
                new CliRun(code, out.toString(), err.toString()));
        assertEquals(previous, System.getProperty(LogSetup.LOG_FILE), "no log file was configured");
    }

    @Test
    void unknownOptionExitsTwo() {
        assertUsageError("Error: Unknown option: '--bogus' (see 'runnel run --help')",
                CliRun.of("run", "--bogus", "flight-delays"));
        assertUsageError("Error: Unknown option: '--bogus' (see 'runnel --help')", CliRun.of("--bogus"));
    }

    @Test
    void badNumbersExitTwo() {
        assertUsageError("Error: Invalid value for option '--parallelism': 'many' is not an int (see 'runnel run "
                + "--help')", CliRun.of("run", "--parallelism", "many", "flight-delays"));
        assertUsageError("Error: --parallelism must be at least 1, got 0",
                CliRun.of("run", "--parallelism", "0", "flight-delays"));
    }

    @Test
    void invalidCheckpointAndSavepointOptionsExitTwoNamingOptionAndValue() {
        assertUsageError("Error: Invalid value for option '--checkpoint-interval': 'soon' is not a duration; use a "
                + "whole number and a unit: ms, s, min or h, e.g. 500ms, 1s, 2min (see 'runnel run --help')",
                CliRun.of("run", "--checkpoint-interval", "soon", "flight-delays"));
        assertUsageError("Error: Invalid value for option '--state': 'lmdb' is not a state backend; use heap or "
                + "rocksdb (see 'runnel run --help')", CliRun.of("run", "--state", "lmdb", "flight-delays"));
        assertUsageError("Error: --stop-with-savepoint-after needs --savepoint-dir DIR: where the savepoint goes "
                + "(see 'runnel run --help')", CliRun.of("run", "--stop-with-savepoint-after", "1s", "flight-delays"));
        Path missing = dir.resolve("savepoint-gone");
        assertUsageError("Error: --from-savepoint " + missing + ": No savepoint or checkpoint at " + missing
                + ": it does not exist", CliRun.of("run", "--from-savepoint", missing.toString(), "flight-delays"));
    }

    @Test
    void savepointCommandExplainsThatItNeedsClusterModeAndExitsTwo() {
        String expected = "Error: 'runnel savepoint' needs cluster mode, which Runnel does not have yet: a job "
                + "started with 'runnel run' runs on an embedded cluster inside that process. Start the job with "
                + "'runnel run --savepoint-dir DIR ...' and press Ctrl-C (or send SIGTERM) to stop it with a "
                + "savepoint, or add '--stop-with-savepoint-after DURATION'; resume with 'runnel run "
                + "--from-savepoint PATH ...'";
        assertUsageError(expected, CliRun.of("savepoint"));
        assertUsageError(expected, CliRun.of("savepoint", "a1b2c3", dir.toString()));
        CliRun help = CliRun.of("savepoint", "--help");
        assertEquals(ExitCode.OK, help.exitCode());
        assertTrue(help.out().contains("need cluster mode"), help.out());
    }

    @Test
    void invalidExampleArgumentsExitTwo() {
        assertUsageError("Error: flight-delays: --min-flights expects a whole number >= 0, got 'lots'",
                CliRun.of("run", "flight-delays", "--min-flights", "lots"));
        assertUsageError("Error: flight-delays: input file not found: " + dir.resolve("none.csv"),
                CliRun.of("run", "flight-delays", "--input", dir.resolve("none.csv").toString()));
    }

    @Test
    void missingJarArgumentOrCommandExitsTwo() {
        assertUsageError("Error: Missing required parameter: 'JAR|EXAMPLE' (see 'runnel run --help')",
                CliRun.of("run"));
        assertUsageError("Error: Missing command: use 'runnel run' or 'runnel examples' (see 'runnel --help')",
                CliRun.of());
    }

    @Test
    void classOptionIsRejectedForExamples() {
        assertUsageError("Error: --class applies to job jars, not to the bundled example 'word-count'",
                CliRun.of("run", "--class", "x.Y", "word-count"));
    }

    @Test
    void printsVersionHelpAndExamples() {
        CliRun version = CliRun.of("--version");
        assertEquals(ExitCode.OK, version.exitCode());
        assertTrue(version.out().startsWith("runnel " + VersionProvider.version() + System.lineSeparator()),
                version.out());
        assertTrue(VersionProvider.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), VersionProvider.version());

        CliRun help = CliRun.of("--help");
        assertEquals(ExitCode.OK, help.exitCode());
        assertTrue(help.out().contains("run ") && help.out().contains("examples "), help.out());

        CliRun runHelp = CliRun.of("run", "--help");
        assertEquals(ExitCode.OK, runHelp.exitCode());
        assertTrue(runHelp.out().contains("--parallelism=N"), runHelp.out());
        for (String option : new String[] {"--checkpoint-interval=DURATION", "--checkpointing-mode=MODE",
            "--checkpoint-dir=DIR", "--state=BACKEND", "-s, --from-savepoint=PATH", "--allow-non-restored-state",
            "--savepoint-dir=DIR", "--stop-with-savepoint-after=DURATION"}) {
            assertTrue(runHelp.out().contains(option), option + " in " + runHelp.out());
        }

        CliRun examples = CliRun.of("examples");
        assertEquals(ExitCode.OK, examples.exitCode());
        // Names are padded to the longest, flight-delays-hourly (20 chars).
        assertTrue(examples.out().startsWith("  flight-delays         Top 10 U.S. airports"), examples.out());
        assertTrue(examples.out().contains(System.lineSeparator() + "  flight-delays-hourly  Per airport and hour"),
                examples.out());
        assertTrue(examples.out().contains(System.lineSeparator() + "  route-sessions        Sessions of flights"),
                examples.out());
        assertTrue(examples.out().contains(System.lineSeparator() + "  word-count            Running count"),
                examples.out());
        assertEquals("", examples.err());
    }
}
