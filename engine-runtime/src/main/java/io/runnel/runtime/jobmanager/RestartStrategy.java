package io.runnel.runtime.jobmanager;

import io.runnel.annotation.MainThread;
import io.runnel.api.common.Configuration;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.api.environment.RestartOptions;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Decides whether a failed job restarts and after how long (Flink's restart strategies, with Flink's config keys).
 * Every restart is a full restart: all tasks are cancelled and deployed again from the latest checkpoint.
 *
 * <p><b>Threading:</b> JobManager main thread only.
 */
public interface RestartStrategy {

    /**
     * Records a failure and decides.
     *
     * @param nowMillis when the failure happened, ms
     * @return true if the job may restart
     */
    @MainThread
    boolean onFailure(long nowMillis);

    /** @return how long to wait before the restart that {@link #onFailure} just allowed, ms */
    @MainThread
    long restartDelayMillis();

    /** @return a description for logs ("fixed-delay(3, 1000 ms)") */
    String describe();

    /**
     * @return the strategy configured by the {@link RestartOptions} keys; with no {@code restart-strategy.type}, a
     *     fixed delay of 3 attempts and 1 s when checkpointing is on, else none
     * @throws IllegalArgumentException naming the key if a value is invalid
     */
    static RestartStrategy fromConfiguration(Configuration configuration) {
        String type = configuration.get(RestartOptions.TYPE);
        if (type == null) {
            boolean checkpointing = !configuration.get(CheckpointingOptions.INTERVAL).isZero();
            type = checkpointing ? "fixed-delay" : "none";
        }
        switch (type.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "none": case "off": case "disable":
                return new FixedDelay(0, 0);
            case "fixed-delay": case "fixeddelay":
                return new FixedDelay(configuration.get(RestartOptions.FIXED_DELAY_ATTEMPTS),
                        configuration.get(RestartOptions.FIXED_DELAY_DELAY).toMillis());
            case "exponential-delay": case "exponentialdelay":
                return new ExponentialDelay(configuration.get(RestartOptions.EXPONENTIAL_INITIAL_BACKOFF).toMillis(),
                        configuration.get(RestartOptions.EXPONENTIAL_MAX_BACKOFF).toMillis(),
                        parseMultiplier(configuration), configuration.get(RestartOptions.EXPONENTIAL_RESET_THRESHOLD)
                        .toMillis(), configuration.get(RestartOptions.EXPONENTIAL_ATTEMPTS));
            case "failure-rate": case "failurerate":
                return new FailureRate(configuration.get(RestartOptions.FAILURE_RATE_MAX_FAILURES),
                        configuration.get(RestartOptions.FAILURE_RATE_INTERVAL).toMillis(),
                        configuration.get(RestartOptions.FAILURE_RATE_DELAY).toMillis());
            default:
                throw new IllegalArgumentException("Config key '" + RestartOptions.TYPE.key() + "': unknown restart "
                        + "strategy '" + type + "' (none, fixed-delay, exponential-delay, failure-rate)");
        }
    }

    private static double parseMultiplier(Configuration configuration) {
        String raw = configuration.get(RestartOptions.EXPONENTIAL_MULTIPLIER);
        try {
            double m = Double.parseDouble(raw.trim());
            if (m < 1) {
                throw new NumberFormatException("must be at least 1");
            }
            return m;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Config key '" + RestartOptions.EXPONENTIAL_MULTIPLIER.key()
                    + "': '" + raw + "' is not a multiplier >= 1", e);
        }
    }

    /** Restarts up to {@code attempts} times in the job's life, each after the same delay. */
    final class FixedDelay implements RestartStrategy {
        private final int attempts;
        private final long delayMillis;
        private int used;

        FixedDelay(int attempts, long delayMillis) {
            this.attempts = attempts;
            this.delayMillis = delayMillis;
        }

        @Override
        public boolean onFailure(long nowMillis) {
            return used++ < attempts;
        }

        @Override
        public long restartDelayMillis() {
            return delayMillis;
        }

        @Override
        public String describe() {
            return attempts == 0 ? "none" : "fixed-delay(" + attempts + " attempts, " + delayMillis + " ms)";
        }
    }

    /**
     * Waits {@code initial}, then {@code initial * multiplier}, ... up to {@code max} between restarts; after
     * {@code resetThreshold} without a failure the wait starts over.
     */
    final class ExponentialDelay implements RestartStrategy {
        private final long initialMillis;
        private final long maxMillis;
        private final double multiplier;
        private final long resetThresholdMillis;
        private final int maxAttempts;
        private long currentMillis;
        private long lastFailureMillis = -1;
        private int attempts;

        ExponentialDelay(long initialMillis, long maxMillis, double multiplier, long resetThresholdMillis,
                         int maxAttempts) {
            this.initialMillis = initialMillis;
            this.maxMillis = maxMillis;
            this.multiplier = multiplier;
            this.resetThresholdMillis = resetThresholdMillis;
            this.maxAttempts = maxAttempts;
        }

        @Override
        public boolean onFailure(long nowMillis) {
            if (lastFailureMillis < 0 || nowMillis - lastFailureMillis >= resetThresholdMillis) {
                currentMillis = initialMillis;
                attempts = 0;
            } else {
                currentMillis = Math.min(maxMillis, (long) (currentMillis * multiplier));
            }
            lastFailureMillis = nowMillis;
            return attempts++ < maxAttempts;
        }

        @Override
        public long restartDelayMillis() {
            return currentMillis;
        }

        @Override
        public String describe() {
            return "exponential-delay(" + initialMillis + " ms .. " + maxMillis + " ms, x" + multiplier + ")";
        }
    }

    /** Restarts unless more than {@code maxFailures} failures fell within the last {@code interval}. */
    final class FailureRate implements RestartStrategy {
        private final int maxFailures;
        private final long intervalMillis;
        private final long delayMillis;
        private final ArrayDeque<Long> failures = new ArrayDeque<>();

        FailureRate(int maxFailures, long intervalMillis, long delayMillis) {
            this.maxFailures = maxFailures;
            this.intervalMillis = intervalMillis;
            this.delayMillis = delayMillis;
        }

        @Override
        public boolean onFailure(long nowMillis) {
            failures.addLast(nowMillis);
            while (!failures.isEmpty() && nowMillis - failures.peekFirst() > intervalMillis) {
                failures.removeFirst();
            }
            return failures.size() <= maxFailures;
        }

        @Override
        public long restartDelayMillis() {
            return delayMillis;
        }

        @Override
        public String describe() {
            return "failure-rate(" + maxFailures + " per " + intervalMillis + " ms, delay " + delayMillis + " ms)";
        }
    }
}
