package io.runnel.state.ttl;

import io.runnel.api.state.StateTtlConfig;
import io.runnel.state.TtlTimeProvider;
import java.util.function.Consumer;

/**
 * The rules of one state's time-to-live, shared by every TTL decorator and wrapped function so that the heap and
 * RocksDB backends expire values identically: when a value is expired, whether a read renews it, and whether an
 * expired value may be returned.
 *
 * <p><b>Contract:</b> {@code expired(v, now) == now >= v.lastAccessTimestampMillis + ttlMillis}, where the sum
 * saturates at {@code Long.MAX_VALUE} (so a huge TTL never expires). All times are ms of the {@link TtlTimeProvider}.
 *
 * <p><b>Threading:</b> immutable; called on the task thread that owns the state.
 */
final class TtlPolicy {

    private final StateTtlConfig config;
    private final TtlTimeProvider clock;
    private final long ttlMillis;
    private final boolean renewOnRead;
    private final boolean returnExpired;

    TtlPolicy(StateTtlConfig config, TtlTimeProvider clock) {
        this.config = config;
        this.clock = clock;
        this.ttlMillis = config.getTtlMillis();
        this.renewOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
        this.returnExpired = config.getStateVisibility()
                == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }

    StateTtlConfig config() {
        return config;
    }

    /** @return the TTL clock's current time, ms */
    long now() {
        return clock.currentTimestampMillis();
    }

    boolean isExpired(TtlValue<?> value, long now) {
        long timestamp = value.lastAccessTimestampMillis();
        // Saturate instead of overflowing: a TTL of Long.MAX_VALUE ms must mean "never", not "already".
        long expiresAt = timestamp > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : timestamp + ttlMillis;
        return now >= expiresAt;
    }

    /** @return whether reads renew the timestamp ({@code OnReadAndWrite}) */
    boolean renewOnRead() {
        return renewOnRead;
    }

    /** @return whether an expired value found by an access is still returned by it */
    boolean returnExpired() {
        return returnExpired;
    }

    /** @return {@code value} stamped with {@code now} */
    static <V> TtlValue<V> stamp(V value, long now) {
        return new TtlValue<>(value, now);
    }

    /**
     * Applies TTL to one stored value that a read found: an expired value is removed (cleanup on access), a live one
     * is renewed if reads renew.
     *
     * @param stored the stored value, or null if there is none
     * @param remove removes the stored value
     * @param write replaces the stored value (to renew it)
     * @return the value the read sees (renewed if renewed), or null if it sees nothing
     */
    <V> TtlValue<V> read(TtlValue<V> stored, Runnable remove, Consumer<TtlValue<V>> write) {
        if (stored == null) {
            return null;
        }
        long now = now();
        if (isExpired(stored, now)) {
            remove.run();
            return returnExpired ? stored : null;
        }
        if (!renewOnRead) {
            return stored;
        }
        TtlValue<V> renewed = stamp(stored.userValue(), now);
        write.accept(renewed);
        return renewed;
    }

    /**
     * Combines two stored values for a reduce or a merge: an expired operand is dropped (a write never builds on an
     * expired value), and a combination of two live values is stamped with the current time, since it is a write.
     *
     * @param combine combines two live user values; its null result removes the entry
     * @return the combined value; an expired one if both are expired (it is removed on the next access)
     * @throws E what {@code combine} throws
     */
    <V, E extends Exception> TtlValue<V> combine(TtlValue<V> a, TtlValue<V> b, UserCombiner<V, E> combine) throws E {
        long now = now();
        if (isExpired(a, now)) {
            return b;
        }
        if (isExpired(b, now)) {
            return a;
        }
        V result = combine.apply(a.userValue(), b.userValue());
        return result == null ? null : stamp(result, now);
    }

    /** Combines two user values; throws what the user's function throws ({@code E}). */
    @FunctionalInterface
    interface UserCombiner<V, E extends Exception> {
        V apply(V a, V b) throws E;
    }
}
