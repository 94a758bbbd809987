package io.runnel.state.ttl;

import io.runnel.api.state.ReducingState;
import io.runnel.state.InternalAppendingState;
import java.util.Collection;

/**
 * {@link ReducingState} with time-to-live over a backend reducing state of {@link TtlValue}s whose reduce function
 * is a {@link TtlReduceFunction}: {@code add} is the backend's single read-modify-write, and an expired value is
 * dropped inside the reduce; {@code get()} applies {@link TtlPolicy#read}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <N> the namespace type
 * @param <V> the value type
 */
final class TtlReducingState<N, V> extends AbstractTtlState<N, ReducingState<TtlValue<V>>>
        implements ReducingState<V>, InternalAppendingState<N, V> {

    private final InternalAppendingState<N, TtlValue<V>> internal;

    @SuppressWarnings("unchecked")
    TtlReducingState(ReducingState<TtlValue<V>> stored, TtlPolicy policy) {
        super(stored, policy);
        this.internal = (InternalAppendingState<N, TtlValue<V>>) stored;
    }

    @Override
    public V get() {
        TtlValue<V> seen = policy.read(internal.getInternal(), stored::clear, internal::updateInternal);
        return seen == null ? null : seen.userValue();
    }

    /** @throws io.runnel.api.state.StateAccessException if the reduce function throws */
    @Override
    public void add(V value) {
        stored.add(TtlPolicy.stamp(value, policy.now()));
    }

    /** @return the value ignoring TTL: it neither hides nor removes an expired value */
    @Override
    public V getInternal() {
        TtlValue<V> value = internal.getInternal();
        return value == null ? null : value.userValue();
    }

    /** Stores {@code value} stamped with the current time; null removes the entry. */
    @Override
    public void updateInternal(V value) {
        internal.updateInternal(value == null ? null : TtlPolicy.stamp(value, policy.now()));
    }

    /** @throws io.runnel.api.state.StateAccessException if the reduce function throws */
    @Override
    public void mergeNamespaces(N target, Collection<N> sources) {
        internal.mergeNamespaces(target, sources);
    }
}
