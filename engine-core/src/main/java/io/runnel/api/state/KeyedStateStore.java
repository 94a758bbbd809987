package io.runnel.api.state;

import io.runnel.annotation.Public;

/**
 * Gives access to partitioned state by descriptor: state scoped to the current key (and, inside window functions,
 * the current window). The same descriptor name gives the same state.
 *
 * <p><b>Threading:</b> task thread only.
 */
@Public
public interface KeyedStateStore {

    /**
     * @return the value state of the current key
     * @throws UnsupportedOperationException if the function does not run on a keyed stream
     * @throws IllegalStateException if the name was registered before with another kind of state
     */
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    /** @return the list state of the current key; see {@link #getState} for errors */
    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    /** @return the map state of the current key; see {@link #getState} for errors */
    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);

    /** @return the reducing state of the current key; see {@link #getState} for errors */
    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    /** @return the aggregating state of the current key; see {@link #getState} for errors */
    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
