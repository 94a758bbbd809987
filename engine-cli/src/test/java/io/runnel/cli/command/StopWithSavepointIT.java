package io.runnel.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.cli.CliRun;
import io.runnel.cli.ExitCode;
import io.runnel.connector.file.FileSink;
import io.runnel.examples.BundledInput;
import io.runnel.examples.flights.FlightDelays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runnel run --stop-with-savepoint-after} and {@code --from-savepoint} end to end in this JVM: the
 * flight-delays-hourly example on the bundled 20,000 flights, throttled so that it is stopped halfway, then
 * resumed from the printed savepoint. Together the two runs must write every line of an uninterrupted run.
 */
class StopWithSavepointIT {

    /** The savepoint line of {@link SavepointStopper}. */
    private static final Pattern SAVEPOINT = Pattern.compile("Savepoint of job [0-9a-f]{32}: (\\S+) \\(resume with: "
            + "runnel run --from-savepoint \\S+ \\.\\.\\.\\)");

    @TempDir
    Path dir;

    @Test
    void stoppedHourlyExampleResumesFromItsSavepointToTheCompleteOutput() throws Exception {
        String input = BundledInput.extract(FlightDelays.BUNDLED_INPUT).toString();
        Path checkpoints = dir.resolve("checkpoints");
        Path savepoints = dir.resolve("savepoints");
        List<String> expected = outputLines(run("run", "--parallelism", "2", "flight-delays-hourly", "--input",
                input, "--output", dir.resolve("uninterrupted").toString()));

        // 20,000 flights at 4,000 per second take 5 s: the stop after 1.5 s comes halfway.
        CliRun first = CliRun.of("run", "--parallelism", "2", "--checkpoint-interval", "200ms", "--checkpoint-dir",
                checkpoints.toString(), "--savepoint-dir", savepoints.toString(), "--stop-with-savepoint-after",
                "1500ms", "flight-delays-hourly", "--input", input, "--output", dir.resolve("first").toString(),
                "--rate", "4000");
        assertEquals(ExitCode.OK, first.exitCode(), first.err());
        List<String> notes = first.err().lines().toList();
        assertEquals(3, notes.size(), first.err());
        assertEquals("Ctrl-C stops the job with a savepoint into " + savepoints, notes.get(0));
        assertTrue(notes.get(1).matches("Job [0-9a-f]{32} checkpoints every 200 ms \\(EXACTLY_ONCE\\) into "
                + Pattern.quote(checkpoints.toString()) + "/[0-9a-f]{32}"), notes.get(1));
        Matcher savepointLine = SAVEPOINT.matcher(notes.get(2));
        assertTrue(savepointLine.matches(), notes.get(2));
        Path savepoint = Path.of(savepointLine.group(1));
        assertEquals(savepoints, savepoint.getParent());
        assertTrue(Files.isRegularFile(savepoint.resolve("_metadata")), savepoint.toString());

        // Without --rate (the stateless throttle is gone) and at another parallelism.
        CliRun second = CliRun.of("run", "--parallelism", "3", "--from-savepoint", savepoint.toString(),
                "flight-delays-hourly", "--input", input, "--output", dir.resolve("second").toString());
        assertEquals(ExitCode.OK, second.exitCode(), second.err());
        List<String> secondNotes = second.err().lines().toList();
        assertEquals(2, secondNotes.size(), second.err());
        assertEquals("Starting from savepoint " + savepoint, secondNotes.get(0));
        // The example checkpoints every second by default, for its exactly-once file output.
        assertTrue(secondNotes.get(1).matches("Job [0-9a-f]{32} checkpoints every 1000 ms \\(EXACTLY_ONCE\\) into .*"),
                secondNotes.get(1));

        List<String> beforeStop = outputLines(dir.resolve("first"));
        List<String> afterResume = outputLines(dir.resolve("second"));
        assertFalse(beforeStop.isEmpty(), "the first run wrote hours before it was stopped");
        assertFalse(afterResume.isEmpty(), "the resumed run wrote the rest");
        assertTrue(beforeStop.size() < expected.size() / 2, "stopped halfway: " + beforeStop.size() + " of "
                + expected.size() + " lines");
        assertEquals(expected.size(), new HashSet<>(expected).size(), "each (hour, airport) once");
        // Every hour of every airport with the uninterrupted run's numbers, exactly once over the two runs: the
        // stop fires nothing after the savepoint's barrier that the resumed run fires again.
        List<String> both = new ArrayList<>(beforeStop);
        both.addAll(afterResume);
        Collections.sort(both);
        List<String> sortedExpected = new ArrayList<>(expected);
        Collections.sort(sortedExpected);
        assertEquals(sortedExpected, both);
    }

    private static Path run(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        return Path.of(args[args.length - 1]);
    }

    /** @return the lines of the finished part files under {@code output} (the committed output) */
    static List<String> outputLines(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path part : FileSink.finishedPartFiles(output)) {
            lines.addAll(Files.readAllLines(part));
        }
        return lines;
    }
}
