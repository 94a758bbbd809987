package io.runnel.examples.flights;

import io.runnel.api.functions.AggregateFunction;

/**
 * Counts the flights of an origin airport and sums their delays; the engine keeps the accumulator in keyed state
 * and emits the updated {@link DelayStats} for every flight.
 *
 * <p><b>Threading:</b> stateless; called by the task thread of the keyed aggregation.
 */
public final class DelayAggregate implements AggregateFunction<Flight, DelayStats, DelayStats> {

    private static final long serialVersionUID = 1L;

    @Override
    public DelayStats createAccumulator() {
        // "" rather than null: the record serializer of the state need not handle null components.
        return new DelayStats("", 0, 0);
    }

    @Override
    public DelayStats add(Flight value, DelayStats accumulator) {
        return accumulator.add(value);
    }

    @Override
    public DelayStats getResult(DelayStats accumulator) {
        return accumulator;
    }

    @Override
    public DelayStats merge(DelayStats a, DelayStats b) {
        String origin = a.origin().isEmpty() ? b.origin() : a.origin();
        return new DelayStats(origin, a.flights() + b.flights(), a.totalDelayMinutes() + b.totalDelayMinutes());
    }
}
