package io.runnel.api.environment;

import io.runnel.annotation.Public;
import io.runnel.api.common.ConfigOption;
import java.time.Duration;

/**
 * Configuration keys of restart strategies (Flink's names). Set them directly or through
 * {@link StreamExecutionEnvironment#setRestartStrategy(RestartStrategies.Configuration)}.
 */
@Public
public final class RestartOptions {

    /** {@code none}, {@code fixed-delay}, {@code exponential-delay} or {@code failure-rate}. */
    public static final ConfigOption<String> TYPE = ConfigOption.of("restart-strategy.type", String.class, null,
            "none, fixed-delay, exponential-delay or failure-rate; default: fixed-delay (3 attempts, 1 s) when "
                    + "checkpointing is on, else none.");

    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS = ConfigOption.of(
            "restart-strategy.fixed-delay.attempts", Integer.class, 3, "Restarts before the job fails.");

    public static final ConfigOption<Duration> FIXED_DELAY_DELAY = ConfigOption.of(
            "restart-strategy.fixed-delay.delay", Duration.class, Duration.ofSeconds(1), "Wait before a restart.");

    public static final ConfigOption<Duration> EXPONENTIAL_INITIAL_BACKOFF = ConfigOption.of(
            "restart-strategy.exponential-delay.initial-backoff", Duration.class, Duration.ofSeconds(1),
            "Wait before the first restart.");

    public static final ConfigOption<Duration> EXPONENTIAL_MAX_BACKOFF = ConfigOption.of(
            "restart-strategy.exponential-delay.max-backoff", Duration.class, Duration.ofMinutes(1),
            "Longest wait between restarts.");

    public static final ConfigOption<String> EXPONENTIAL_MULTIPLIER = ConfigOption.of(
            "restart-strategy.exponential-delay.backoff-multiplier", String.class, "2.0",
            "Factor by which the wait grows after each restart.");

    public static final ConfigOption<Duration> EXPONENTIAL_RESET_THRESHOLD = ConfigOption.of(
            "restart-strategy.exponential-delay.reset-backoff-threshold", Duration.class, Duration.ofHours(1),
            "After this long without a failure the wait starts again from the initial backoff.");

    public static final ConfigOption<Integer> EXPONENTIAL_ATTEMPTS = ConfigOption.of(
            "restart-strategy.exponential-delay.attempts-before-reset-backoff", Integer.class, Integer.MAX_VALUE,
            "Restarts allowed before the job fails (counted since the last reset).");

    public static final ConfigOption<Integer> FAILURE_RATE_MAX_FAILURES = ConfigOption.of(
            "restart-strategy.failure-rate.max-failures-per-interval", Integer.class, 1,
            "Failures tolerated within one interval.");

    public static final ConfigOption<Duration> FAILURE_RATE_INTERVAL = ConfigOption.of(
            "restart-strategy.failure-rate.failure-rate-interval", Duration.class, Duration.ofMinutes(1),
            "The interval over which failures are counted.");

    public static final ConfigOption<Duration> FAILURE_RATE_DELAY = ConfigOption.of(
            "restart-strategy.failure-rate.delay", Duration.class, Duration.ofSeconds(1), "Wait before a restart.");

    private RestartOptions() {
    }
}
