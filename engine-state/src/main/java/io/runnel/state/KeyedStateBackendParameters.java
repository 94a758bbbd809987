package io.runnel.state;

import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.snapshot.KeyedStateHandle;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link StateBackend} needs to create the keyed backend of one subtask.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param operatorName the operator's name, for errors and file names
 * @param keyGroupRange the key groups of this subtask
 * @param maxParallelism the total number of key groups
 * @param keySerializer serializer of the keys (for backends that store bytes)
 * @param userClassLoader the job's class loader
 * @param ttlTimeProvider the clock of state time-to-live (ms); {@link TtlTimeProvider#SYSTEM} unless a test injects
 *     a manual one
 * @param restoreState the handles to restore from: every handle of the operator's last snapshot whose key-group
 *     range intersects {@code keyGroupRange} (the backend keeps only its own groups); empty for a fresh start
 * @param <K> the key type
 */
public record KeyedStateBackendParameters<K>(String operatorName, KeyGroupRange keyGroupRange, int maxParallelism,
                                             TypeSerializer<K> keySerializer, ClassLoader userClassLoader,
                                             TtlTimeProvider ttlTimeProvider,
                                             List<KeyedStateHandle> restoreState) {

    /** @throws NullPointerException if {@code ttlTimeProvider} or {@code restoreState} is null */
    public KeyedStateBackendParameters {
        Objects.requireNonNull(ttlTimeProvider, "ttlTimeProvider");
        restoreState = List.copyOf(restoreState);
    }

    /** Parameters for a fresh start (nothing to restore). */
    public KeyedStateBackendParameters(String operatorName, KeyGroupRange keyGroupRange, int maxParallelism,
                                       TypeSerializer<K> keySerializer, ClassLoader userClassLoader,
                                       TtlTimeProvider ttlTimeProvider) {
        this(operatorName, keyGroupRange, maxParallelism, keySerializer, userClassLoader, ttlTimeProvider, List.of());
    }

    /** Parameters whose TTL clock is the wall clock, {@link TtlTimeProvider#SYSTEM}. */
    public KeyedStateBackendParameters(String operatorName, KeyGroupRange keyGroupRange, int maxParallelism,
                                       TypeSerializer<K> keySerializer, ClassLoader userClassLoader) {
        this(operatorName, keyGroupRange, maxParallelism, keySerializer, userClassLoader, TtlTimeProvider.SYSTEM);
    }
}
