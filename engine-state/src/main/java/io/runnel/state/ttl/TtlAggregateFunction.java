package io.runnel.state.ttl;

import io.runnel.api.functions.AggregateFunction;

/**
 * The aggregate function a backend's aggregating state runs when TTL is on: the accumulator is a {@link TtlValue}.
 * Adding to an expired accumulator starts from a new one, every add stamps the current time, and merging drops
 * an expired accumulator (see {@link TtlPolicy#combine}). After Flink's {@code TtlAggregateFunction}.
 *
 * <p><b>Threading:</b> task thread only. Built inside the backend and never shipped, so the clock is not serialized.
 *
 * @param <IN> the type of added values
 * @param <ACC> the user's accumulator type
 * @param <OUT> the result type
 */
final class TtlAggregateFunction<IN, ACC, OUT> implements AggregateFunction<IN, TtlValue<ACC>, OUT> {

    private static final long serialVersionUID = 1L;

    private final transient TtlPolicy policy;
    private final AggregateFunction<IN, ACC, OUT> userFunction;

    TtlAggregateFunction(TtlPolicy policy, AggregateFunction<IN, ACC, OUT> userFunction) {
        this.policy = policy;
        this.userFunction = userFunction;
    }

    @Override
    public TtlValue<ACC> createAccumulator() {
        return TtlPolicy.stamp(userFunction.createAccumulator(), policy.now());
    }

    @Override
    public TtlValue<ACC> add(IN value, TtlValue<ACC> accumulator) {
        long now = policy.now();
        ACC base = policy.isExpired(accumulator, now) ? userFunction.createAccumulator() : accumulator.userValue();
        ACC result = userFunction.add(value, base);
        return result == null ? null : TtlPolicy.stamp(result, now);
    }

    /** Used only if a caller bypasses {@link TtlAggregatingState}, which checks expiry before asking for a result. */
    @Override
    public OUT getResult(TtlValue<ACC> accumulator) {
        return userFunction.getResult(accumulator.userValue());
    }

    @Override
    public TtlValue<ACC> merge(TtlValue<ACC> a, TtlValue<ACC> b) {
        return policy.combine(a, b, userFunction::merge);
    }
}
