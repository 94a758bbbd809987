package io.runnel.cli.command;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.CheckpointingMode;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.cli.CliException;
import io.runnel.runtime.checkpoint.CheckpointRestorer;
import io.runnel.runtime.checkpoint.CompletedCheckpoint;
import io.runnel.state.StateBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The state, checkpoint and savepoint options of {@code runnel run}, a picocli mixin. They become configuration
 * keys of every environment the job program asks for ({@link #toConfiguration()}), so a bundled example and a
 * job jar get them alike; a job that sets the same key in code wins, as with {@code --parallelism}.
 *
 * <p><b>Contract:</b> values are converted by {@link OptionConverters}; the checks across options and on the
 * file system ({@link #validate()}) throw {@link ParameterException} or {@link CliException}, both usage errors
 * (exit code 2) whose one-line message names the option and the value.
 *
 * <p><b>Threading:</b> the thread that executes the command line.
 */
final class StateOptions {

    /** The shortest checkpoint interval, as {@code CheckpointConfig} requires. */
    static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofMillis(10);

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION",
            converter = OptionConverters.DurationConverter.class,
            description = "Take a checkpoint every DURATION, e.g. 500ms, 1s, 2min (at least 10ms). "
                    + "Default: no periodic checkpoints, unless the job turns them on.")
    Duration checkpointInterval;

    @Option(names = "--checkpointing-mode", paramLabel = "MODE",
            converter = OptionConverters.CheckpointingModeConverter.class,
            description = "exactly-once (default: aligned barriers) or at-least-once.")
    CheckpointingMode checkpointingMode;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", converter = OptionConverters.LocationConverter.class,
            description = "Where checkpoints go, as DIR/<job id>/chk-<n>; default: <tmp>/runnel-checkpoints.")
    Path checkpointDirectory;

    @Option(names = "--state", paramLabel = "BACKEND", converter = OptionConverters.StateBackendConverter.class,
            description = "Where keyed state lives: heap (default) or rocksdb.")
    String stateBackend;

    @Option(names = {"-s", "--from-savepoint"}, paramLabel = "PATH",
            converter = OptionConverters.LocationConverter.class,
            description = "Start the job from this savepoint or checkpoint: its directory, its _metadata file, or "
                    + "a job's checkpoint directory DIR/<job id> (the newest readable checkpoint in it).")
    Path fromSavepoint;

    @Option(names = "--allow-non-restored-state",
            description = "With --from-savepoint: skip state of operators the job no longer has, instead of "
                    + "failing.")
    boolean allowNonRestoredState;

    @Option(names = "--savepoint-dir", paramLabel = "DIR", converter = OptionConverters.LocationConverter.class,
            description = "Where savepoints go. With it, Ctrl-C (SIGINT) or SIGTERM stops the job with a savepoint "
                    + "into DIR, whose path is printed for --from-savepoint.")
    Path savepointDirectory;

    @Option(names = "--stop-with-savepoint-after", paramLabel = "DURATION",
            converter = OptionConverters.DurationConverter.class,
            description = "Stop the job with a savepoint into --savepoint-dir once it has run for DURATION "
                    + "(for scripts and tests).")
    Duration stopWithSavepointAfter;

    /** The savepoint the job starts from, once {@link #validate()} has read it; null if none. */
    private CompletedCheckpoint restore;

    /**
     * Checks the options against each other and the file system, and reads the savepoint to start from.
     *
     * @throws ParameterException for a value out of range or an option that needs another
     * @throws CliException (exit code 2) for a directory that is a file, or a savepoint that cannot be read
     */
    void validate() {
        if (checkpointInterval != null && checkpointInterval.compareTo(MIN_CHECKPOINT_INTERVAL) < 0) {
            throw usage("--checkpoint-interval must be at least 10ms, got " + checkpointInterval.toMillis() + "ms");
        }
        if (allowNonRestoredState && fromSavepoint == null) {
            throw usage("--allow-non-restored-state applies only together with --from-savepoint");
        }
        if (stopWithSavepointAfter != null && savepointDirectory == null) {
            throw usage("--stop-with-savepoint-after needs --savepoint-dir DIR: where the savepoint goes");
        }
        requireDirectoryOrAbsent("--checkpoint-dir", checkpointDirectory);
        requireDirectoryOrAbsent("--savepoint-dir", savepointDirectory);
        if (fromSavepoint != null) {
            restore = readSavepoint(fromSavepoint);
        }
    }

    /** @return the savepoint or checkpoint the job starts from (valid after {@link #validate()}) */
    Optional<CompletedCheckpoint> restore() {
        return Optional.ofNullable(restore);
    }

    /** @return where {@code --savepoint-dir} points, if given */
    Optional<Path> savepointDirectory() {
        return Optional.ofNullable(savepointDirectory);
    }

    /** @return the {@code --stop-with-savepoint-after} delay, if given */
    Optional<Duration> stopWithSavepointAfter() {
        return Optional.ofNullable(stopWithSavepointAfter);
    }

    /** @return the options as configuration keys (call {@link #validate()} first) */
    Configuration toConfiguration() {
        Configuration conf = new Configuration();
        if (checkpointInterval != null) {
            conf.set(CheckpointingOptions.INTERVAL, checkpointInterval);
        }
        if (checkpointingMode != null) {
            conf.set(CheckpointingOptions.MODE, checkpointingMode.name());
        }
        if (checkpointDirectory != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory.toString());
        }
        if (stateBackend != null) {
            conf.set(StateBackend.STATE_BACKEND, stateBackend);
        }
        if (restore != null) {
            // The directory read in validate(): the job restores exactly what the CLI reported.
            conf.set(CheckpointingOptions.SAVEPOINT_PATH, restore.directory().toAbsolutePath().toString());
        }
        if (allowNonRestoredState) {
            conf.set(CheckpointingOptions.ALLOW_NON_RESTORED_STATE, true);
        }
        if (savepointDirectory != null) {
            conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepointDirectory.toString());
        }
        return conf;
    }

    private static void requireDirectoryOrAbsent(String option, Path directory) {
        if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
            throw CliException.usage(option + " " + directory + " is a file, not a directory");
        }
    }

    private static CompletedCheckpoint readSavepoint(Path path) {
        try {
            return CheckpointRestorer.resolve(path.toString());
        } catch (IOException | RuntimeException e) {
            throw CliException.usage("--from-savepoint " + path + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
