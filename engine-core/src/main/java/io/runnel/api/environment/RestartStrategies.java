package io.runnel.api.environment;

import io.runnel.annotation.Public;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Restart strategies for {@link StreamExecutionEnvironment#setRestartStrategy}: what the JobManager does when a task
 * fails. Every restart cancels all tasks of the job and deploys them again from the latest completed checkpoint
 * (Flink's full-restart failover). Each factory just names {@link RestartOptions} values.
 */
@Public
public final class RestartStrategies {

    private RestartStrategies() {
    }

    /** The job fails at the first task failure. */
    public static Configuration noRestart() {
        return new Configuration(Map.of(RestartOptions.TYPE.key(), "none"));
    }

    /**
     * @param attempts restarts before the job fails
     * @param delay wait before each restart
     */
    public static Configuration fixedDelay(int attempts, Duration delay) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(RestartOptions.TYPE.key(), "fixed-delay");
        m.put(RestartOptions.FIXED_DELAY_ATTEMPTS.key(), String.valueOf(attempts));
        m.put(RestartOptions.FIXED_DELAY_DELAY.key(), delay.toMillis() + " ms");
        return new Configuration(m);
    }

    /**
     * @param initialBackoff wait before the first restart
     * @param maxBackoff longest wait
     * @param multiplier growth of the wait per restart (at least 1)
     * @param resetThreshold quiet time after which the wait starts again from {@code initialBackoff}
     */
    public static Configuration exponentialDelay(Duration initialBackoff, Duration maxBackoff, double multiplier,
                                                 Duration resetThreshold) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(RestartOptions.TYPE.key(), "exponential-delay");
        m.put(RestartOptions.EXPONENTIAL_INITIAL_BACKOFF.key(), initialBackoff.toMillis() + " ms");
        m.put(RestartOptions.EXPONENTIAL_MAX_BACKOFF.key(), maxBackoff.toMillis() + " ms");
        m.put(RestartOptions.EXPONENTIAL_MULTIPLIER.key(), String.valueOf(multiplier));
        m.put(RestartOptions.EXPONENTIAL_RESET_THRESHOLD.key(), resetThreshold.toMillis() + " ms");
        return new Configuration(m);
    }

    /**
     * @param maxFailures failures tolerated within {@code interval}
     * @param interval the measuring interval
     * @param delay wait before each restart
     */
    public static Configuration failureRate(int maxFailures, Duration interval, Duration delay) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(RestartOptions.TYPE.key(), "failure-rate");
        m.put(RestartOptions.FAILURE_RATE_MAX_FAILURES.key(), String.valueOf(maxFailures));
        m.put(RestartOptions.FAILURE_RATE_INTERVAL.key(), interval.toMillis() + " ms");
        m.put(RestartOptions.FAILURE_RATE_DELAY.key(), delay.toMillis() + " ms");
        return new Configuration(m);
    }

    /**
     * A restart strategy as configuration keys.
     *
     * @param keys the {@link RestartOptions} keys and values
     */
    public record Configuration(Map<String, String> keys) {
        public Configuration {
            keys = Map.copyOf(keys);
        }
    }
}
