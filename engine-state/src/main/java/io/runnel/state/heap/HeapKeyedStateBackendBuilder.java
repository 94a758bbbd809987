package io.runnel.state.heap;

import io.runnel.state.KeyedStateBackendParameters;
import java.io.IOException;
import java.util.Map;

/**
 * Creates a heap backend, restored from the snapshots in {@link KeyedStateBackendParameters#restoreState()}: the
 * key groups of the new backend's range are read from every handle whose range intersects it (any parallelism
 * before), and kept as bytes per state until the operator registers it.
 *
 * <p><b>Threading:</b> one thread (the one creating the subtask's backend).
 *
 * @param <K> the key type
 */
final class HeapKeyedStateBackendBuilder<K> {

    private final KeyedStateBackendParameters<K> parameters;

    HeapKeyedStateBackendBuilder(KeyedStateBackendParameters<K> parameters) {
        this.parameters = parameters;
    }

    /**
     * @return the backend, holding the restored state
     * @throws IllegalArgumentException if a handle was taken by the RocksDB backend (incremental), or two handles
     *     hold one key group
     * @throws IOException naming the handle and key group if a snapshot is missing, corrupt, truncated or of an
     *     unknown format version
     */
    HeapKeyedStateBackend<K> build() throws IOException {
        Map<String, RestoredState> restored = HeapSnapshotReader.read(parameters.restoreState(),
                parameters.keyGroupRange());
        return new HeapKeyedStateBackend<>(parameters.keyGroupRange(), parameters.maxParallelism(),
                parameters.ttlTimeProvider(), parameters.keySerializer(), parameters.operatorName(), restored);
    }
}
