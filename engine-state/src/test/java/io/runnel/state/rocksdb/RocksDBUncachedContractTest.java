package io.runnel.state.rocksdb;

import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendContractTest;
import io.runnel.state.KeyedStateBackendParameters;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs the keyed state backend contract against {@link RocksDBKeyedStateBackend} with the object cache off (0 entries), so that every access goes to RocksDB. */
class RocksDBUncachedContractTest extends KeyedStateBackendContractTest {

    @TempDir
    Path localDirectory;

    @Override
    protected <K> KeyedStateBackend<K> createBackend(KeyedStateBackendParameters<K> parameters) throws Exception {
        return new EmbeddedRocksDBStateBackend(localDirectory, 16L * 1024 * 1024, 0)
                .createKeyedStateBackend(parameters);
    }
}
