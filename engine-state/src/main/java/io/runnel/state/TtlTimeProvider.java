package io.runnel.state;

/**
 * The clock that state time-to-live reads: the timestamp stored with a value when it is written (or read, see
 * {@link io.runnel.api.state.StateTtlConfig.UpdateType}) and the "now" it is compared with. After Flink's
 * {@code TtlTimeProvider}. Production uses {@link #SYSTEM} (wall-clock processing time); tests inject a manual
 * clock through {@link KeyedStateBackendParameters} so that expiry is exact and needs no sleeping.
 *
 * <p><b>Threading:</b> called on the task thread that owns the keyed state backend; an implementation shared
 * between backends must be safe to call from their threads.
 */
@FunctionalInterface
public interface TtlTimeProvider {

    /** The wall clock, {@link System#currentTimeMillis()}. */
    TtlTimeProvider SYSTEM = System::currentTimeMillis;

    /** @return the current time in milliseconds since the epoch */
    long currentTimestampMillis();
}
