package io.runnel.state.rocksdb;

import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.StateAccessException;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.InternalAppendingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link ReducingState} in RocksDB: {@code add} reads the current value, reduces and writes the result back (a
 * merge operator would have to run the user's function inside RocksDB), through the state's object cache (see
 * {@link AbstractRocksDBState}), so a hot key's {@code add} costs no JNI call. A null result removes the entry.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the value type
 */
final class RocksDBReducingState<K, N, V> extends AbstractRocksDBState<K, N, V>
        implements ReducingState<V>, InternalAppendingState<N, V> {

    private final ReduceFunction<V> reducer;

    RocksDBReducingState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
                         TypeSerializer<N> namespaceSerializer, TypeSerializer<V> valueSerializer,
                         ReduceFunction<V> reducer) {
        super(backend, name, column, namespaceSerializer, valueSerializer, backend.cacheEntries());
        this.reducer = reducer;
    }

    @Override
    StateDescriptor.Kind kind() {
        return StateDescriptor.Kind.REDUCING;
    }

    @Override
    public V get() {
        return getValue(currentNamespace());
    }

    /** @throws StateAccessException if the reduce function throws */
    @Override
    public void add(V value) {
        V current = getValue(currentNamespace());
        V result = current == null ? value : reduce(current, value);
        if (result == null) {
            clear();
        } else {
            putValue(currentNamespace(), result);
        }
    }

    /** @throws StateAccessException if the reduce function throws */
    @Override
    public V getInternal() {
        return getValue(currentNamespace());
    }

    @Override
    public void updateInternal(V value) {
        if (value == null) {
            clear();
        } else {
            putValue(currentNamespace(), value);
        }
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) {
        mergeValues(target, sources, this::reduce);
    }

    private V reduce(V a, V b) {
        try {
            return reducer.reduce(a, b);
        } catch (Exception e) {
            throw new StateAccessException("The ReduceFunction of a ReducingState failed", e);
        }
    }
}
