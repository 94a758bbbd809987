package io.runnel.state.heap;

import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.KeyedStateBackendTtlContractTest;

/** Runs the state TTL contract against the heap backend of {@link HashMapStateBackend}. */
class HeapKeyedStateBackendTtlContractTest extends KeyedStateBackendTtlContractTest {

    @Override
    protected <K> KeyedStateBackend<K> createBackend(KeyedStateBackendParameters<K> parameters)
            throws Exception {
        return new HashMapStateBackend().createKeyedStateBackend(parameters);
    }

    /** Entries per (key, namespace); a map state counts one per non-empty map. */
    @Override
    protected long storedEntries(KeyedStateBackend<?> backend, String stateName) {
        return ((HeapKeyedStateBackend<?>) backend).numEntries(stateName);
    }
}
