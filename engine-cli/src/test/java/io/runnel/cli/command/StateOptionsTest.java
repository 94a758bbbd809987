package io.runnel.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.CheckpointingMode;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.cli.CliException;
import io.runnel.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/**
 * The state, checkpoint and savepoint options of {@code runnel run}: which configuration keys they become, and
 * the message of each invalid value. Parses with picocli, without running a job.
 */
class StateOptionsTest {

    @TempDir
    Path dir;

    @Command(name = "host")
    static final class Host {
        @Mixin
        StateOptions options = new StateOptions();
    }

    private static StateOptions parse(String... args) {
        Host host = new Host();
        new CommandLine(host).parseArgs(args);
        host.options.validate();
        return host.options;
    }

    private static String parseError(String... args) {
        return assertThrows(ParameterException.class, () -> parse(args)).getMessage();
    }

    @Test
    void noOptionsSetNoKeys() {
        assertEquals(Map.of(), parse().toConfiguration().toMap());
    }

    @Test
    void everyOptionBecomesItsConfigurationKey() {
        Path checkpoints = dir.resolve("checkpoints");
        Path savepoints = dir.resolve("savepoints");
        Configuration conf = parse("--checkpoint-interval", "1s", "--checkpointing-mode", "at-least-once",
                "--checkpoint-dir", checkpoints.toString(), "--state", "rocksdb", "--savepoint-dir",
                savepoints.toString()).toConfiguration();

        assertEquals(Duration.ofSeconds(1), conf.get(CheckpointingOptions.INTERVAL));
        assertEquals(CheckpointingMode.AT_LEAST_ONCE.name(), conf.get(CheckpointingOptions.MODE));
        assertEquals(checkpoints.toAbsolutePath().toString(), conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
        assertEquals(savepoints.toAbsolutePath().toString(), conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY));
        assertEquals("rocksdb", conf.toMap().get("state.backend"));
        assertEquals(5, conf.toMap().size(), conf.toString());
    }

    @Test
    void durationsTakeUnitsAndBareMilliseconds() {
        assertEquals(Duration.ofMillis(500), parse("--checkpoint-interval", "500ms").checkpointInterval);
        assertEquals(Duration.ofMillis(250), parse("--checkpoint-interval", "250").checkpointInterval);
        assertEquals(Duration.ofMinutes(2), parse("--checkpoint-interval=2min").checkpointInterval);
        assertEquals(Duration.ofSeconds(3), parse("--savepoint-dir", dir.toString(),
                "--stop-with-savepoint-after", "3s").stopWithSavepointAfter().orElseThrow());
    }

    @Test
    void modeAndBackendAcceptTheirOtherSpellings() {
        assertEquals(CheckpointingMode.EXACTLY_ONCE, parse("--checkpointing-mode", "EXACTLY_ONCE").checkpointingMode);
        assertEquals("hashmap", parse("--state", "heap").toConfiguration().toMap().get("state.backend"));
        assertEquals("hashmap", parse("--state", "HashMap").toConfiguration().toMap().get("state.backend"));
    }

    @Test
    void fileUriIsALocation() {
        Configuration conf = parse("--checkpoint-dir", dir.toUri().toString()).toConfiguration();
        assertEquals(dir.toAbsolutePath().toString(), conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
    }

    @Test
    void invalidValuesNameTheOptionAndTheValue() {
        assertEquals("Invalid value for option '--checkpoint-interval': 'soon' is not a duration; use a whole "
                + "number and a unit: ms, s, min or h, e.g. 500ms, 1s, 2min", parseError("--checkpoint-interval",
                "soon"));
        assertEquals("Invalid value for option '--checkpoint-interval': '1.5s' is not a duration; use a whole "
                + "number and a unit: ms, s, min or h, e.g. 500ms, 1s, 2min", parseError("--checkpoint-interval",
                "1.5s"));
        assertEquals("Invalid value for option '--stop-with-savepoint-after': '-1s' is negative",
                parseError("--stop-with-savepoint-after", "-1s"));
        assertEquals("Invalid value for option '--checkpointing-mode': 'twice' is not a checkpointing mode; use "
                + "exactly-once or at-least-once", parseError("--checkpointing-mode", "twice"));
        assertEquals("Invalid value for option '--state': 'lmdb' is not a state backend; use heap or rocksdb",
                parseError("--state", "lmdb"));
        assertEquals("Invalid value for option '--checkpoint-dir': 's3://bucket/x' is neither a path nor a "
                + "file:// URI", parseError("--checkpoint-dir", "s3://bucket/x"));
        assertEquals("Invalid value for option '--savepoint-dir': the path is empty", parseError("--savepoint-dir",
                ""));
    }

    @Test
    void checkpointIntervalBelowTenMillisecondsIsRejected() {
        assertEquals("--checkpoint-interval must be at least 10ms, got 5ms", parseError("--checkpoint-interval",
                "5ms"));
        assertEquals("--checkpoint-interval must be at least 10ms, got 0ms", parseError("--checkpoint-interval",
                "0s"));
    }

    @Test
    void optionsThatNeedAnotherSayWhich() {
        assertEquals("--allow-non-restored-state applies only together with --from-savepoint",
                parseError("--allow-non-restored-state"));
        assertEquals("--stop-with-savepoint-after needs --savepoint-dir DIR: where the savepoint goes",
                parseError("--stop-with-savepoint-after", "10s"));
    }

    @Test
    void directoryOptionsRejectAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliException e = assertThrows(CliException.class, () -> parse("--checkpoint-dir", file.toString()));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("--checkpoint-dir " + file.toAbsolutePath() + " is a file, not a directory", e.getMessage());
    }

    @Test
    void savepointThatCannotBeReadIsAUsageErrorNamingThePath() throws Exception {
        Path missing = dir.resolve("no-such-savepoint");
        CliException e = assertThrows(CliException.class, () -> parse("--from-savepoint", missing.toString()));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("--from-savepoint " + missing.toAbsolutePath() + ": "), e.getMessage());

        Path empty = Files.createDirectory(dir.resolve("empty"));
        e = assertThrows(CliException.class, () -> parse("-s", empty.toString()));
        assertTrue(e.getMessage().startsWith("--from-savepoint " + empty.toAbsolutePath() + ": No savepoint or "
                + "checkpoint at "), e.getMessage());

        Path notMetadata = Files.writeString(dir.resolve("_metadata"), "date,delay\n");
        e = assertThrows(CliException.class, () -> parse("-s", notMetadata.toString()));
        assertTrue(e.getMessage().startsWith("--from-savepoint " + notMetadata.toAbsolutePath() + ": "),
                e.getMessage());
    }
}
