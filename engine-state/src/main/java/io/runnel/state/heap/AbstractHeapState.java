package io.runnel.state.heap;

import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.state.VoidNamespace;

/**
 * Base of the heap states: reads and writes the entry of the backend's current key in the current namespace.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <N> namespace type
 * @param <S> the stored object type
 */
abstract class AbstractHeapState<K, N, S> implements State {

    final HeapKeyedStateBackend<K> backend;
    final StateTable<K, N, S> table;
    /** Owner: task thread. */
    private N currentNamespace;

    @SuppressWarnings("unchecked")
    AbstractHeapState(HeapKeyedStateBackend<K> backend) {
        this.backend = backend;
        this.table = new StateTable<>(backend.getKeyGroupRange());
        this.currentNamespace = (N) VoidNamespace.INSTANCE;
    }

    abstract StateDescriptor.Kind kind();

    /** Scopes further accesses to {@code namespace} (windows use this). */
    void setCurrentNamespace(N namespace) {
        this.currentNamespace = namespace;
    }

    final S getInternal() {
        return table.get(backend.getCurrentKey(), backend.getCurrentKeyGroup(), currentNamespace);
    }

    final void putInternal(S value) {
        table.put(backend.getCurrentKey(), backend.getCurrentKeyGroup(), currentNamespace, value);
    }

    @Override
    public final void clear() {
        table.remove(backend.getCurrentKey(), backend.getCurrentKeyGroup(), currentNamespace);
    }
}
