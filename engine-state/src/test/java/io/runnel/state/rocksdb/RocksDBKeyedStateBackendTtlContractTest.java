package io.runnel.state.rocksdb;

import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.KeyedStateBackendTtlContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs the state TTL contract against {@link RocksDBKeyedStateBackend} with a small memory budget. */
class RocksDBKeyedStateBackendTtlContractTest extends KeyedStateBackendTtlContractTest {

    @TempDir
    Path localDirectory;

    @Override
    protected <K> KeyedStateBackend<K> createBackend(KeyedStateBackendParameters<K> parameters) throws Exception {
        return new EmbeddedRocksDBStateBackend(localDirectory, 16L * 1024 * 1024).createKeyedStateBackend(parameters);
    }

    /** RocksDB entries of the state's column family, by a scan; a map state counts one per map entry. */
    @Override
    protected long storedEntries(KeyedStateBackend<?> backend, String stateName) {
        return ((RocksDBKeyedStateBackend<?>) backend).numEntries(stateName);
    }
}
