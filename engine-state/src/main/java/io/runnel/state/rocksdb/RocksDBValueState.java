package io.runnel.state.rocksdb;

import io.runnel.api.state.StateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.typeutils.TypeSerializer;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link ValueState} in RocksDB: one entry per (key, namespace) holding the serialized value; {@code update(null)}
 * deletes it, as on the heap. Reads and writes go through the state's object cache (see
 * {@link AbstractRocksDBState}), so a hot key's {@code value()}-then-{@code update()} costs no JNI call.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <V> the value type
 */
final class RocksDBValueState<K, N, V> extends AbstractRocksDBState<K, N, V> implements ValueState<V> {

    RocksDBValueState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
                      TypeSerializer<N> namespaceSerializer, TypeSerializer<V> valueSerializer) {
        super(backend, name, column, namespaceSerializer, valueSerializer, backend.cacheEntries());
    }

    @Override
    StateDescriptor.Kind kind() {
        return StateDescriptor.Kind.VALUE;
    }

    @Override
    public V value() {
        return getValue(currentNamespace());
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
        } else {
            putValue(currentNamespace(), value);
        }
    }
}
