package io.runnel.state.heap;

import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.StateBackend;
import java.io.IOException;
import java.util.Map;

/**
 * Keeps keyed state as Java objects on the heap: fastest access, bounded by memory. Named after Flink's
 * {@code HashMapStateBackend}. Its snapshots are full snapshots taken by copy-on-write (see
 * {@link HeapKeyedStateBackend}).
 *
 * <p><b>Threading:</b> immutable.
 */
public final class HashMapStateBackend implements StateBackend {

    private static final long serialVersionUID = 1L;

    @Override
    public Map<String, String> toConfiguration() {
        return Map.of(STATE_BACKEND.key(), name());
    }

    @Override
    public String name() {
        return "hashmap";
    }

    /**
     * Creates the subtask's heap backend, restoring the key groups of its range from
     * {@link KeyedStateBackendParameters#restoreState()} (see {@link HeapKeyedStateBackendBuilder}).
     *
     * @throws IllegalArgumentException if a restore handle is an incremental RocksDB snapshot
     * @throws IOException naming the handle and key group if a snapshot cannot be read
     */
    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters)
            throws IOException {
        return new HeapKeyedStateBackendBuilder<>(parameters).build();
    }
}
