package io.runnel.api.environment;

import io.runnel.annotation.Public;
import io.runnel.api.common.ConfigOption;
import java.time.Duration;

/**
 * Configuration keys of checkpoints and savepoints (the names Flink uses where Flink has the option). Set them
 * in the job's configuration or through {@link StreamExecutionEnvironment#enableCheckpointing} and
 * {@link CheckpointConfig}.
 */
@Public
public final class CheckpointingOptions {

    /** Checkpoint interval; 0 (the default) turns periodic checkpoints off. */
    public static final ConfigOption<Duration> INTERVAL = ConfigOption.of("execution.checkpointing.interval",
            Duration.class, Duration.ZERO, "Interval between periodic checkpoints; 0 turns them off.");

    /** {@code EXACTLY_ONCE} or {@code AT_LEAST_ONCE}. */
    public static final ConfigOption<String> MODE = ConfigOption.of("execution.checkpointing.mode", String.class,
            CheckpointingMode.EXACTLY_ONCE.name(), "EXACTLY_ONCE (aligned barriers) or AT_LEAST_ONCE.");

    /** How long a checkpoint may take before it is aborted. */
    public static final ConfigOption<Duration> TIMEOUT = ConfigOption.of("execution.checkpointing.timeout",
            Duration.class, Duration.ofMinutes(10), "A checkpoint that has not completed after this is aborted.");

    /** Least time between the end of one checkpoint and the start of the next. */
    public static final ConfigOption<Duration> MIN_PAUSE = ConfigOption.of("execution.checkpointing.min-pause",
            Duration.class, Duration.ZERO, "Least time between the end of a checkpoint and the next trigger.");

    /** How many checkpoints may be in progress at once. */
    public static final ConfigOption<Integer> MAX_CONCURRENT = ConfigOption.of(
            "execution.checkpointing.max-concurrent-checkpoints", Integer.class, 1,
            "How many checkpoints may be in progress at the same time.");

    /** How many checkpoints in a row may fail before the job fails. */
    public static final ConfigOption<Integer> TOLERABLE_FAILURES = ConfigOption.of(
            "execution.checkpointing.tolerable-failed-checkpoints", Integer.class, 0,
            "Consecutive checkpoint failures (declines, timeouts) tolerated before the job fails.");

    /** How many completed checkpoints are kept. */
    public static final ConfigOption<Integer> NUM_RETAINED = ConfigOption.of("state.checkpoints.num-retained",
            Integer.class, 1, "Number of completed checkpoints to keep; older ones are deleted.");

    /** Where checkpoints go, a {@code file://} URI or a path. */
    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = ConfigOption.of("state.checkpoints.dir",
            String.class, null, "Directory (file:// URI or path) for checkpoints; default: <java.io.tmpdir>/"
                    + "runnel-checkpoints. Each job writes into <dir>/<job id>.");

    /** Default target directory of savepoints. */
    public static final ConfigOption<String> SAVEPOINT_DIRECTORY = ConfigOption.of("state.savepoints.dir",
            String.class, null, "Default directory (file:// URI or path) for savepoints.");

    /** State streams smaller than this are kept inline in the metadata file. */
    public static final ConfigOption<Long> MEMORY_THRESHOLD = ConfigOption.of("state.storage.fs.memory-threshold",
            Long.class, 20L * 1024, "State streams below this many bytes are stored inside the metadata file.");

    /** A savepoint or retained checkpoint to start the job from. */
    public static final ConfigOption<String> SAVEPOINT_PATH = ConfigOption.of("execution.savepoint.path",
            String.class, null, "Savepoint or checkpoint (directory or _metadata file) to start the job from.");

    /** Whether state of operators that no longer exist may be dropped on restore. */
    public static final ConfigOption<Boolean> ALLOW_NON_RESTORED_STATE = ConfigOption.of(
            "execution.savepoint.ignore-unclaimed-state", Boolean.class, false,
            "Allow starting from a savepoint that holds state of an operator the job no longer has.");

    private CheckpointingOptions() {
    }
}
