package io.runnel.api.environment;

import io.runnel.annotation.Public;
import io.runnel.api.common.Configuration;
import java.time.Duration;
import java.util.Locale;

/**
 * Checkpoint settings of a job, a typed view over the {@link CheckpointingOptions} keys of the environment's
 * configuration (so a setting made here and the same key set by configuration are one and the same).
 *
 * <p><b>Threading:</b> not thread-safe; use it from the thread that builds the job.
 */
@Public
public final class CheckpointConfig {

    private final Configuration configuration;

    CheckpointConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    /** @return true if periodic checkpoints are on */
    public boolean isCheckpointingEnabled() {
        return !getCheckpointInterval().isZero();
    }

    /** @return the checkpoint interval; zero when off */
    public Duration getCheckpointInterval() {
        return configuration.get(CheckpointingOptions.INTERVAL);
    }

    /**
     * @param interval time between checkpoint triggers, at least 10 ms
     * @throws IllegalArgumentException if shorter than 10 ms
     */
    public CheckpointConfig setCheckpointInterval(Duration interval) {
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("checkpoint interval must be at least 10 ms, got " + interval);
        }
        configuration.set(CheckpointingOptions.INTERVAL, interval);
        return this;
    }

    /** @return the mode, from {@code execution.checkpointing.mode} */
    public CheckpointingMode getCheckpointingMode() {
        return parseMode(configuration);
    }

    public CheckpointConfig setCheckpointingMode(CheckpointingMode mode) {
        configuration.set(CheckpointingOptions.MODE, mode.name());
        return this;
    }

    public CheckpointConfig setCheckpointTimeout(Duration timeout) {
        configuration.set(CheckpointingOptions.TIMEOUT, positive(timeout, "checkpoint timeout"));
        return this;
    }

    public CheckpointConfig setMinPauseBetweenCheckpoints(Duration pause) {
        configuration.set(CheckpointingOptions.MIN_PAUSE, pause);
        return this;
    }

    /** @throws IllegalArgumentException if below 1 */
    public CheckpointConfig setMaxConcurrentCheckpoints(int max) {
        configuration.set(CheckpointingOptions.MAX_CONCURRENT, atLeast(max, 1, "max concurrent checkpoints"));
        return this;
    }

    /** @throws IllegalArgumentException if negative */
    public CheckpointConfig setTolerableCheckpointFailureNumber(int failures) {
        configuration.set(CheckpointingOptions.TOLERABLE_FAILURES, atLeast(failures, 0, "tolerable failures"));
        return this;
    }

    /** @throws IllegalArgumentException if below 1 */
    public CheckpointConfig setNumRetainedCheckpoints(int retained) {
        configuration.set(CheckpointingOptions.NUM_RETAINED, atLeast(retained, 1, "retained checkpoints"));
        return this;
    }

    /** @param directory a {@code file://} URI or a local path */
    public CheckpointConfig setCheckpointStorage(String directory) {
        configuration.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), directory);
        return this;
    }

    /**
     * @return whether a job with this configuration takes periodic checkpoints (a positive
     *     {@code execution.checkpointing.interval}); tasks then end only after their final checkpoint
     */
    public static boolean isEnabled(Configuration configuration) {
        return configuration.get(CheckpointingOptions.INTERVAL).toMillis() > 0;
    }

    /**
     * @return the mode configured in {@code configuration}
     * @throws IllegalArgumentException naming the key if the value is not a mode
     */
    public static CheckpointingMode parseMode(Configuration configuration) {
        String raw = configuration.get(CheckpointingOptions.MODE);
        try {
            return CheckpointingMode.valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Config key '" + CheckpointingOptions.MODE.key() + "': unknown mode '"
                    + raw + "' (EXACTLY_ONCE or AT_LEAST_ONCE)", e);
        }
    }

    private static Duration positive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    private static int atLeast(int value, int min, String what) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
        }
        return value;
    }
}
