package io.runnel.state.rocksdb;

import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.KeyedStateBackendTtlContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the state TTL contract against {@link RocksDBKeyedStateBackend} with a cache of 2 entries per state, so that
 * expired values are removed both from cached entries and from evicted ones.
 */
class RocksDBTinyCacheTtlContractTest extends KeyedStateBackendTtlContractTest {

    @TempDir
    Path localDirectory;

    @Override
    protected <K> KeyedStateBackend<K> createBackend(KeyedStateBackendParameters<K> parameters) throws Exception {
        return new EmbeddedRocksDBStateBackend(localDirectory, 16L * 1024 * 1024, 2)
                .createKeyedStateBackend(parameters);
    }

    /** RocksDB entries of the state's column family after a flush, by a scan. */
    @Override
    protected long storedEntries(KeyedStateBackend<?> backend, String stateName) {
        return ((RocksDBKeyedStateBackend<?>) backend).numEntries(stateName);
    }
}
