package io.runnel.state;

import io.runnel.api.typeutils.TypeSerializer;
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
 * @param <K> the key type
 */
public record KeyedStateBackendParameters<K>(String operatorName, KeyGroupRange keyGroupRange, int maxParallelism,
                                             TypeSerializer<K> keySerializer, ClassLoader userClassLoader,
                                             TtlTimeProvider ttlTimeProvider) {

    /** @throws NullPointerException if {@code ttlTimeProvider} is null */
    public KeyedStateBackendParameters {
        Objects.requireNonNull(ttlTimeProvider, "ttlTimeProvider");
    }

    /** Parameters whose TTL clock is the wall clock, {@link TtlTimeProvider#SYSTEM}. */
    public KeyedStateBackendParameters(String operatorName, KeyGroupRange keyGroupRange, int maxParallelism,
                                       TypeSerializer<K> keySerializer, ClassLoader userClassLoader) {
        this(operatorName, keyGroupRange, maxParallelism, keySerializer, userClassLoader, TtlTimeProvider.SYSTEM);
    }
}
