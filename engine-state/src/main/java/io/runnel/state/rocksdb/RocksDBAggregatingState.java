package io.runnel.state.rocksdb;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.InternalAppendingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link AggregatingState} in RocksDB: the stored value is the accumulator; {@code add} reads it (or creates one),
 * adds and writes it back, through the state's object cache (see {@link AbstractRocksDBState}); an accumulator that
 * {@code add} changes in place is the cached object. {@link #get()} of nothing is null, as on the heap.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 * @param <IN> the type of added values
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
final class RocksDBAggregatingState<K, N, IN, ACC, OUT> extends AbstractRocksDBState<K, N, ACC>
        implements AggregatingState<IN, OUT>, InternalAppendingState<N, ACC> {

    private final AggregateFunction<IN, ACC, OUT> function;

    RocksDBAggregatingState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
                            TypeSerializer<N> namespaceSerializer, TypeSerializer<ACC> accumulatorSerializer,
                            AggregateFunction<IN, ACC, OUT> function) {
        super(backend, name, column, namespaceSerializer, accumulatorSerializer, backend.cacheEntries());
        this.function = function;
    }

    @Override
    StateDescriptor.Kind kind() {
        return StateDescriptor.Kind.AGGREGATING;
    }

    @Override
    public OUT get() {
        ACC accumulator = getValue(currentNamespace());
        return accumulator == null ? null : function.getResult(accumulator);
    }

    @Override
    public void add(IN value) {
        ACC accumulator = getValue(currentNamespace());
        ACC result = function.add(value, accumulator == null ? function.createAccumulator() : accumulator);
        if (result == null) {
            clear();
        } else {
            putValue(currentNamespace(), result);
        }
    }

    @Override
    public ACC getInternal() {
        return getValue(currentNamespace());
    }

    @Override
    public void updateInternal(ACC accumulator) {
        if (accumulator == null) {
            clear();
        } else {
            putValue(currentNamespace(), accumulator);
        }
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) {
        mergeValues(target, sources, function::merge);
    }
}
