package io.runnel.state.ttl;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.state.AggregatingState;
import io.runnel.state.InternalAppendingState;
import java.util.Collection;

/**
 * {@link AggregatingState} with time-to-live over a backend aggregating state whose accumulator is a
 * {@link TtlValue} and whose function is a {@link TtlAggregateFunction}: {@code add} is the backend's single
 * read-modify-write and starts a new accumulator over an expired one; {@code get()} applies {@link TtlPolicy#read}
 * to the accumulator and only then asks the user's function for the result.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <N> the namespace type
 * @param <IN> the type of added values
 * @param <ACC> the user's accumulator type
 * @param <OUT> the result type
 */
final class TtlAggregatingState<N, IN, ACC, OUT> extends AbstractTtlState<N, AggregatingState<IN, OUT>>
        implements AggregatingState<IN, OUT>, InternalAppendingState<N, ACC> {

    private final InternalAppendingState<N, TtlValue<ACC>> internal;
    private final AggregateFunction<IN, ACC, OUT> userFunction;

    @SuppressWarnings("unchecked")
    TtlAggregatingState(AggregatingState<IN, OUT> stored, TtlPolicy policy,
                        AggregateFunction<IN, ACC, OUT> userFunction) {
        super(stored, policy);
        this.internal = (InternalAppendingState<N, TtlValue<ACC>>) stored;
        this.userFunction = userFunction;
    }

    @Override
    public OUT get() {
        TtlValue<ACC> seen = policy.read(internal.getInternal(), stored::clear, internal::updateInternal);
        return seen == null ? null : userFunction.getResult(seen.userValue());
    }

    @Override
    public void add(IN value) {
        stored.add(value);
    }

    /** @return the accumulator ignoring TTL: it neither hides nor removes an expired one */
    @Override
    public ACC getInternal() {
        TtlValue<ACC> accumulator = internal.getInternal();
        return accumulator == null ? null : accumulator.userValue();
    }

    /** Stores {@code accumulator} stamped with the current time; null removes the entry. */
    @Override
    public void updateInternal(ACC accumulator) {
        internal.updateInternal(accumulator == null ? null : TtlPolicy.stamp(accumulator, policy.now()));
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) {
        internal.mergeNamespaces(target, sources);
    }
}
