package io.runnel.state.heap;

import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.state.VoidNamespace;

/**
 * Base of the heap states: reads and writes the entry of the backend's current key in the current namespace.
 *
 * <p>The typical user function reads a key's state and then writes it ({@code value()} then {@code update()}).
 * The entry found by the read is remembered together with the key and namespace objects it was found for, and a
 * write for the very same objects (an identity check) updates that entry without a second hash lookup, which
 * halves the cost of a read-modify-write on a large, cache-cold map.
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
    /** The entry of the last access and the key/namespace it was for. Owner: task thread. */
    private StateMap.Entry<K, N, S> lastEntry;
    private K lastKey;
    private N lastNamespace;

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
        K key = backend.getCurrentKey();
        StateMap.Entry<K, N, S> e = table.getEntry(key, backend.getCurrentKeyGroup(), currentNamespace);
        remember(key, e);
        return e == null ? null : e.state;
    }

    final void putInternal(S value) {
        K key = backend.getCurrentKey();
        StateMap.Entry<K, N, S> e = lastEntry;
        if (e != null && lastKey == key && lastNamespace == currentNamespace) {
            e.state = value;
            return;
        }
        remember(key, table.put(key, backend.getCurrentKeyGroup(), currentNamespace, value));
    }

    private void remember(K key, StateMap.Entry<K, N, S> entry) {
        lastEntry = entry;
        lastKey = key;
        lastNamespace = currentNamespace;
    }

    @Override
    public final void clear() {
        lastEntry = null;
        table.remove(backend.getCurrentKey(), backend.getCurrentKeyGroup(), currentNamespace);
    }
}
