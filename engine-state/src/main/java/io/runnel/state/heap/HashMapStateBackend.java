package io.runnel.state.heap;

import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.StateBackend;
import java.util.Map;

/**
 * Keeps keyed state as Java objects on the heap: fastest access, bounded by memory. Named after Flink's
 * {@code HashMapStateBackend}.
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

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) {
        return new HeapKeyedStateBackend<>(parameters.keyGroupRange(), parameters.maxParallelism(),
                parameters.ttlTimeProvider());
    }
}
