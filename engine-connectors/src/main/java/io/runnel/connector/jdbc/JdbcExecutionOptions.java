package io.runnel.connector.jdbc;

import io.runnel.annotation.Public;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a JDBC sink batches and retries.
 *
 * <pre>{@code
 * JdbcExecutionOptions.defaults().withBatchSize(500).withBatchInterval(Duration.ofMillis(200)).withMaxRetries(5)
 * }</pre>
 *
 * <p><b>Contract:</b> a batch is executed when it holds {@code batchSize} rows, when a record arrives
 * {@code batchInterval} or more after the previous execution (there is no timer: an idle stream's rows wait for the
 * next checkpoint or the end of input), at every checkpoint and at the end of input. A transient failure (see
 * {@link JdbcSink}) is retried up to {@code maxRetries} times, waiting {@code retryBackoff} times the attempt number.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param batchSize rows per batch, at least 1
 * @param batchInterval the longest time rows wait while records keep arriving; zero for no limit
 * @param maxRetries how often a transiently failed batch is retried, at least 0
 * @param retryBackoff the wait before the first retry
 */
@Public
public record JdbcExecutionOptions(int batchSize, Duration batchInterval, int maxRetries, Duration retryBackoff)
        implements Serializable {

    /** @throws IllegalArgumentException if a value is out of range */
    public JdbcExecutionOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        Objects.requireNonNull(batchInterval, "batchInterval");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (batchInterval.isNegative() || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("batchInterval and retryBackoff must not be negative");
        }
    }

    /** @return 1,000 rows per batch, no interval, 3 retries, 100 ms backoff */
    public static JdbcExecutionOptions defaults() {
        return new JdbcExecutionOptions(1_000, Duration.ZERO, 3, Duration.ofMillis(100));
    }

    public JdbcExecutionOptions withBatchSize(int size) {
        return new JdbcExecutionOptions(size, batchInterval, maxRetries, retryBackoff);
    }

    public JdbcExecutionOptions withBatchInterval(Duration interval) {
        return new JdbcExecutionOptions(batchSize, interval, maxRetries, retryBackoff);
    }

    public JdbcExecutionOptions withMaxRetries(int retries) {
        return new JdbcExecutionOptions(batchSize, batchInterval, retries, retryBackoff);
    }

    public JdbcExecutionOptions withRetryBackoff(Duration backoff) {
        return new JdbcExecutionOptions(batchSize, batchInterval, maxRetries, backoff);
    }
}
