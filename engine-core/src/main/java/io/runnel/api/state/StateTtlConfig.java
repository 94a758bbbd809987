package io.runnel.api.state;

import io.runnel.annotation.Public;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state: a value (a list element, a map entry) expires once its last timestamp plus the TTL
 * is reached, and is then no longer returned and is removed when it is next accessed. The idea and the names
 * ({@code UpdateType}, {@code StateVisibility}) follow Flink's {@code StateTtlConfig}; switch TTL on with
 * {@link StateDescriptor#enableTimeToLive(StateTtlConfig)}.
 *
 * <p><b>Contract:</b> each stored value carries a timestamp in milliseconds of the state backend's TTL clock
 * (processing time, the wall clock unless a test injects another). It is set when the value is written and, with
 * {@link UpdateType#OnReadAndWrite}, also when it is read. A value with timestamp {@code t} is expired at time
 * {@code now} iff {@code now >= t + ttlMillis} (saturating at {@code Long.MAX_VALUE}). Expiry is per value for
 * value, reducing and aggregating state, per element for list state and per entry for map state. Expired values
 * are removed when they are accessed ("cleanup on access"); a value that is never accessed again stays stored,
 * though full snapshots can leave it out (see {@link Builder#cleanupFullSnapshot()}).
 *
 * <p><b>Threading:</b> immutable; the {@link Builder} is not thread-safe.
 *
 * <p>Example:
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMinutes(10))
 *         .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
 *         .build();
 * ValueStateDescriptor<Long> lastSeen = new ValueStateDescriptor<>("lastSeen", Long.class);
 * lastSeen.enableTimeToLive(ttl);
 * }</pre>
 */
@Public
public final class StateTtlConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** When a value's timestamp is renewed. */
    public enum UpdateType {
        /** On every write (creation included); reads do not extend the value's life. */
        OnCreateAndWrite,
        /** On every write and on every read that returns the value. */
        OnReadAndWrite
    }

    /** Whether a value that has expired but has not been removed yet may still be returned. */
    public enum StateVisibility {
        /** An expired value is never returned. */
        NeverReturnExpired,
        /**
         * An expired value that is still stored is returned by the access that finds it, which also removes it;
         * the next access sees nothing.
         */
        ReturnExpiredIfNotCleanedUp
    }

    private final Duration ttl;
    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final boolean cleanupInFullSnapshot;

    private StateTtlConfig(Builder builder) {
        this.ttl = builder.ttl;
        this.updateType = builder.updateType;
        this.stateVisibility = builder.stateVisibility;
        this.cleanupInFullSnapshot = builder.cleanupInFullSnapshot;
    }

    /**
     * Starts a configuration with update type {@link UpdateType#OnCreateAndWrite} and visibility
     * {@link StateVisibility#NeverReturnExpired}, as Flink's defaults.
     *
     * @param ttl the time to live; at least one millisecond, precision is milliseconds
     * @throws IllegalArgumentException if {@code ttl} is shorter than one millisecond
     * @throws NullPointerException if {@code ttl} is null
     */
    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    /** @return the time to live */
    public Duration getTtl() {
        return ttl;
    }

    /** @return the time to live in milliseconds, at least 1; {@code Long.MAX_VALUE} for longer durations */
    public long getTtlMillis() {
        try {
            return ttl.toMillis();
        } catch (ArithmeticException tooLong) {
            // Durations beyond ~292 million years do not fit a long of milliseconds; they never expire anyway.
            return Long.MAX_VALUE;
        }
    }

    /** @return when the timestamp of a value is renewed */
    public UpdateType getUpdateType() {
        return updateType;
    }

    /** @return whether expired values not yet removed may be returned */
    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    /**
     * @return true if full snapshots leave out values that had expired when the snapshot was taken (see
     *     {@link Builder#cleanupFullSnapshot()})
     */
    public boolean isCleanupInFullSnapshot() {
        return cleanupInFullSnapshot;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateTtlConfig other && ttl.equals(other.ttl) && updateType == other.updateType
                && stateVisibility == other.stateVisibility && cleanupInFullSnapshot == other.cleanupInFullSnapshot;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ttl, updateType, stateVisibility, cleanupInFullSnapshot);
    }

    @Override
    public String toString() {
        return "StateTtlConfig{ttl=" + ttl + ", updateType=" + updateType + ", stateVisibility=" + stateVisibility
                + ", cleanupInFullSnapshot=" + cleanupInFullSnapshot + "}";
    }

    /**
     * Builds a {@link StateTtlConfig}.
     *
     * <p><b>Threading:</b> not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final Duration ttl;
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private boolean cleanupInFullSnapshot;

        private Builder(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.compareTo(Duration.ofMillis(1)) < 0) {
                throw new IllegalArgumentException("The state TTL must be at least 1 ms, got " + ttl);
            }
            this.ttl = ttl;
        }

        /**
         * @return this builder
         * @throws NullPointerException if {@code updateType} is null
         */
        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType, "updateType");
            return this;
        }

        /**
         * @return this builder
         * @throws NullPointerException if {@code stateVisibility} is null
         */
        public Builder setStateVisibility(StateVisibility stateVisibility) {
            this.stateVisibility = Objects.requireNonNull(stateVisibility, "stateVisibility");
            return this;
        }

        /**
         * Asks full snapshots to leave out values that had expired when the snapshot was taken, by the TTL clock at
         * the snapshot (after Flink's option of the same name). The heap backend's snapshots are full snapshots;
         * incremental snapshots (RocksDB) copy their files as they are and are not affected. The working state is
         * not changed: expired values there are still removed on access.
         *
         * @return this builder
         */
        public Builder cleanupFullSnapshot() {
            this.cleanupInFullSnapshot = true;
            return this;
        }

        /** @return the immutable configuration */
        public StateTtlConfig build() {
            return new StateTtlConfig(this);
        }
    }
}
