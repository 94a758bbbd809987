package io.runnel.state.ttl;

import io.runnel.api.functions.ReduceFunction;

/**
 * The reduce function a backend's reducing state runs when TTL is on: reduces the user values of two stored
 * {@link TtlValue}s, dropping an expired operand, and stamps the result with the current time (see
 * {@link TtlPolicy#combine}). So {@code add} onto an expired value starts afresh in the backend's single
 * read-modify-write, and merging namespaces skips expired ones. After Flink's {@code TtlReduceFunction}.
 *
 * <p><b>Threading:</b> task thread only. Built inside the backend and never shipped, so the clock is not serialized.
 *
 * @param <V> the user value type
 */
final class TtlReduceFunction<V> implements ReduceFunction<TtlValue<V>> {

    private static final long serialVersionUID = 1L;

    private final transient TtlPolicy policy;
    private final ReduceFunction<V> userFunction;

    TtlReduceFunction(TtlPolicy policy, ReduceFunction<V> userFunction) {
        this.policy = policy;
        this.userFunction = userFunction;
    }

    /** @throws Exception what the user's function throws */
    @Override
    public TtlValue<V> reduce(TtlValue<V> accumulated, TtlValue<V> value) throws Exception {
        return policy.combine(accumulated, value, userFunction::reduce);
    }
}
