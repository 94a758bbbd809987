package io.runnel.state.ttl;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.MapState;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.TtlTimeProvider;
import java.util.Objects;

/**
 * What a keyed state backend uses to give a state time-to-live ({@link StateDescriptor#getTtlConfig()}), so that
 * heap and RocksDB share one implementation of TTL. For a descriptor with TTL the backend creates its ordinary
 * state with values of type {@link TtlValue} (stored values, list elements, map values, accumulators), using
 * {@link #valueSerializer}, {@link #reduceFunction} and {@link #aggregateFunction} from here, and hands the user
 * {@link #decorate}'s decorator over it. For a descriptor without TTL every method returns what the backend would
 * use anyway, so a backend can call them unconditionally. The design follows Flink's {@code TtlStateFactory}.
 *
 * <p><b>Contract:</b> see {@link StateTtlConfig}: values are stamped with the clock's time on write (and on read
 * for {@code OnReadAndWrite}), expired values are never returned under {@code NeverReturnExpired}, and an access
 * that finds an expired value removes it. {@code KeyedStateBackend#getKeys} is not filtered: it may report keys
 * whose values have expired but have not been accessed since (filtering would read every value).
 *
 * <p><b>Threading:</b> immutable; the states it creates are task thread only.
 */
public final class TtlStateFactory {

    private final TtlTimeProvider clock;

    /** @param clock the TTL clock of the backend (ms) */
    public TtlStateFactory(TtlTimeProvider clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private TtlPolicy policy(StateDescriptor<?> descriptor) {
        return new TtlPolicy(descriptor.getTtlConfig(), clock);
    }

    /**
     * @return a new serializer for the backend's stored values (list elements, map values, accumulators): the
     *     descriptor's own, wrapped to carry the {@link TtlValue} timestamp if TTL is on
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TypeSerializer<?> valueSerializer(StateDescriptor<?> descriptor) {
        TypeSerializer<?> serializer = descriptor.createSerializer();
        return descriptor.getTtlConfig() == null ? serializer : new TtlValueSerializer(serializer);
    }

    /** @return the reduce function the backend's state runs: the user's, or over {@link TtlValue}s if TTL is on */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ReduceFunction<?> reduceFunction(ReducingStateDescriptor<?> descriptor) {
        ReduceFunction<?> user = descriptor.getReduceFunction();
        return descriptor.getTtlConfig() == null ? user : new TtlReduceFunction(policy(descriptor), user);
    }

    /** @return the aggregate function the backend's state runs: the user's, or over {@link TtlValue} accumulators */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public AggregateFunction<?, ?, ?> aggregateFunction(AggregatingStateDescriptor<?, ?, ?> descriptor) {
        AggregateFunction<?, ?, ?> user = descriptor.getAggregateFunction();
        return descriptor.getTtlConfig() == null ? user : new TtlAggregateFunction(policy(descriptor), user);
    }

    /**
     * @param stored the backend's state for {@code descriptor}, created with this factory's serializer and
     *     functions; it must implement the backend's internal interfaces ({@code InternalKvState}, and
     *     {@code InternalMergingState} or {@code InternalAppendingState} as its kind requires)
     * @return {@code stored} if TTL is off, else the TTL decorator over it (which implements the same internal
     *     interfaces, so window operators can use it)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public State decorate(StateDescriptor<?> descriptor, State stored) {
        if (descriptor.getTtlConfig() == null) {
            return stored;
        }
        TtlPolicy policy = policy(descriptor);
        switch (descriptor.getKind()) {
            case VALUE: return new TtlValueState<>((ValueState) stored, policy);
            case LIST: return new TtlListState<>((ListState) stored, policy);
            case MAP: return new TtlMapState<>((MapState) stored, policy);
            case REDUCING: return new TtlReducingState<>((ReducingState) stored, policy);
            case AGGREGATING:
                return new TtlAggregatingState<>((AggregatingState) stored, policy,
                        ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
            default: throw new IllegalArgumentException("unknown state kind " + descriptor.getKind());
        }
    }

    /**
     * Rejects registering a state name again with another TTL configuration: the stored values' layout differs
     * with and without TTL, and two configurations cannot both hold for one state.
     *
     * @param registered the state object the backend returned for the name before
     * @throws IllegalStateException if the TTL configurations differ
     */
    public static void checkSameTtl(State registered, StateDescriptor<?> requested) {
        StateTtlConfig before = registered instanceof AbstractTtlState<?, ?> ttl ? ttl.policy.config() : null;
        if (!Objects.equals(before, requested.getTtlConfig())) {
            throw new IllegalStateException("State '" + requested.getName() + "' was registered with TTL " + before
                    + " and is now requested with TTL " + requested.getTtlConfig());
        }
    }
}
