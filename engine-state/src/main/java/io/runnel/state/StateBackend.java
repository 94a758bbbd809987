package io.runnel.state;

import io.runnel.api.common.ConfigOption;
import io.runnel.api.common.Configuration;
import io.runnel.api.state.StateBackendSettings;
import io.runnel.state.heap.HashMapStateBackend;
import io.runnel.state.rocksdb.EmbeddedRocksDBStateBackend;

/**
 * Where working state lives while a job runs (heap or RocksDB). Where snapshots go is a separate concern, the
 * checkpoint storage, as in Flink since 1.13 (Flink's old backends mixed the two).
 *
 * <p><b>Threading:</b> implementations are immutable configuration objects; the backends they create are owned by
 * one task thread.
 */
public interface StateBackend extends StateBackendSettings {

    /** Config key choosing the backend by name: {@code hashmap} (default) or {@code rocksdb}. */
    ConfigOption<String> STATE_BACKEND = ConfigOption.of("state.backend", String.class, "hashmap",
            "The state backend: 'hashmap' keeps keyed state as objects on the heap, 'rocksdb' in an embedded "
                    + "RocksDB on local disk.");

    /** @return the backend's name as used in {@link #STATE_BACKEND} */
    String name();

    /**
     * Creates the keyed state backend of one subtask.
     *
     * @throws Exception if the backend cannot be created (e.g. its directory cannot be written)
     */
    <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) throws Exception;

    /**
     * @return the backend named by {@link #STATE_BACKEND}; for {@code rocksdb} configured by the
     *     {@code state.backend.rocksdb.*} keys (see {@link EmbeddedRocksDBStateBackend#fromConfiguration})
     * @throws IllegalArgumentException naming the key if the name is unknown or a value does not parse
     */
    static StateBackend fromConfiguration(Configuration configuration) {
        String name = configuration.get(STATE_BACKEND);
        if (name.equalsIgnoreCase("hashmap") || name.equalsIgnoreCase("heap")) {
            return new HashMapStateBackend();
        }
        if (name.equalsIgnoreCase("rocksdb")) {
            return EmbeddedRocksDBStateBackend.fromConfiguration(configuration);
        }
        throw new IllegalArgumentException("Config key '" + STATE_BACKEND.key() + "': unknown state backend '" + name
                + "' (known: hashmap, rocksdb)");
    }
}
