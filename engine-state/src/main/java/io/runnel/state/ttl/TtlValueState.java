package io.runnel.state.ttl;

import io.runnel.api.state.ValueState;

/**
 * {@link ValueState} with time-to-live over a backend value state of {@link TtlValue}s: {@code update} stamps the
 * value, {@code value()} hides (and removes) an expired one and renews a live one if reads renew.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <N> the namespace type
 * @param <V> the value type
 */
final class TtlValueState<N, V> extends AbstractTtlState<N, ValueState<TtlValue<V>>> implements ValueState<V> {

    TtlValueState(ValueState<TtlValue<V>> stored, TtlPolicy policy) {
        super(stored, policy);
    }

    @Override
    public V value() {
        TtlValue<V> seen = policy.read(stored.value(), stored::clear, stored::update);
        return seen == null ? null : seen.userValue();
    }

    @Override
    public void update(V value) {
        if (value == null) {
            stored.clear();
        } else {
            stored.update(TtlPolicy.stamp(value, policy.now()));
        }
    }
}
