package io.runnel.connector.file;

import io.runnel.annotation.Public;
import java.time.Duration;

/**
 * Rolls a part file when it reaches a size, when it has been open for a rollover interval, or when no record was
 * written into it for an inactivity interval; besides, every checkpoint rolls (see {@link RollingPolicy}).
 * Defaults: 128 MiB, 15 min, 1 min.
 *
 * <pre>{@code
 * RollingPolicy policy = DefaultRollingPolicy.builder().maxPartSize(10).build();
 * }</pre>
 * (from {@code FileSinkTest})
 *
 * <p><b>Contract:</b> the size check happens before a record is written, so a part file ends at most one record past
 * the size. The interval checks happen before each record (rollover) and every thousand records or so (inactivity),
 * so an idle sink's part file is rolled by the next checkpoint rather than on time.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class DefaultRollingPolicy implements RollingPolicy {

    private static final long serialVersionUID = 1L;

    private final long maxPartSizeBytes;
    private final long rolloverIntervalMillis;
    private final long inactivityIntervalMillis;

    private DefaultRollingPolicy(long maxPartSizeBytes, long rolloverIntervalMillis, long inactivityIntervalMillis) {
        this.maxPartSizeBytes = maxPartSizeBytes;
        this.rolloverIntervalMillis = rolloverIntervalMillis;
        this.inactivityIntervalMillis = inactivityIntervalMillis;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean shouldRollOnEvent(long sizeBytes, long createdMillis, long nowMillis) {
        return sizeBytes >= maxPartSizeBytes || nowMillis - createdMillis >= rolloverIntervalMillis;
    }

    @Override
    public boolean shouldRollOnProcessingTime(long sizeBytes, long createdMillis, long lastWriteMillis,
                                              long nowMillis) {
        return nowMillis - lastWriteMillis >= inactivityIntervalMillis
                || nowMillis - createdMillis >= rolloverIntervalMillis;
    }

    /** Builds a {@link DefaultRollingPolicy}. Threading: one thread. */
    public static final class Builder {
        private long maxPartSizeBytes = 128L * 1024 * 1024;
        private long rolloverIntervalMillis = Duration.ofMinutes(15).toMillis();
        private long inactivityIntervalMillis = Duration.ofMinutes(1).toMillis();

        private Builder() {
        }

        /** @param bytes the size at which a part file rolls, {@code > 0} @return this */
        public Builder maxPartSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("max part size must be > 0, got " + bytes);
            }
            this.maxPartSizeBytes = bytes;
            return this;
        }

        /** @param interval how long a part file stays open at most @return this */
        public Builder rolloverInterval(Duration interval) {
            this.rolloverIntervalMillis = interval.toMillis();
            return this;
        }

        /** @param interval how long without a record a part file stays open at most @return this */
        public Builder inactivityInterval(Duration interval) {
            this.inactivityIntervalMillis = interval.toMillis();
            return this;
        }

        /** @return the policy */
        public DefaultRollingPolicy build() {
            return new DefaultRollingPolicy(maxPartSizeBytes, rolloverIntervalMillis, inactivityIntervalMillis);
        }
    }
}
