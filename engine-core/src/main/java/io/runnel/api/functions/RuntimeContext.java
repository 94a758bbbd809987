package io.runnel.api.functions;

import io.runnel.annotation.Public;
import io.runnel.api.common.Accumulator;
import io.runnel.api.common.LongCounter;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import java.io.Serializable;

/**
 * What a running function may know about and use from the task it runs in.
 *
 * <p><b>Threading:</b> task thread only.
 */
@Public
public interface RuntimeContext {

    /** @return the name of the task (the operator chain), e.g. {@code "Map -> Filter"} */
    String getTaskName();

    /** @return this subtask's index, {@code 0 <= index < getNumberOfParallelSubtasks()} */
    int getIndexOfThisSubtask();

    /** @return the parallelism of this operator */
    int getNumberOfParallelSubtasks();

    /** @return the max parallelism (number of key groups) of this operator */
    int getMaxNumberOfParallelSubtasks();

    /** @return which attempt this is: 0 for the first run, +1 for each restart */
    int getAttemptNumber();

    /** @return the class loader of the job's code */
    ClassLoader getUserCodeClassLoader();

    /**
     * @return the counter of that name for this subtask, created on first use; the job's result reports the sum
     *     over all subtasks under the same name
     */
    LongCounter getLongCounter(String name);

    /**
     * Registers an accumulator under {@code name}; the job's result holds the merge over all subtasks.
     *
     * @throws IllegalStateException if this subtask already registered an accumulator under that name
     */
    <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

    /**
     * @return the value state of the current key
     * @throws UnsupportedOperationException if the function does not run on a keyed stream
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
