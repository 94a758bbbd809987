package io.runnel.state.heap;

import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendContractTest;
import io.runnel.state.KeyedStateBackendParameters;

/** Runs the keyed state backend contract against the heap backend of {@link HashMapStateBackend}. */
class HeapKeyedStateBackendContractTest extends KeyedStateBackendContractTest {

    @Override
    protected <K> KeyedStateBackend<K> createBackend(KeyedStateBackendParameters<K> parameters)
            throws Exception {
        return new HashMapStateBackend().createKeyedStateBackend(parameters);
    }
}
