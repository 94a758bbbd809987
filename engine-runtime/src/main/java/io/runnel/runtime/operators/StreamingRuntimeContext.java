package io.runnel.runtime.operators;

import io.runnel.api.common.Accumulator;
import io.runnel.api.common.LongCounter;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.state.KeyedStateBackend;
import java.io.Serializable;
import java.util.Map;

/**
 * The {@link RuntimeContext} of an operator's user function: task facts, the task's accumulators, and keyed
 * state when the operator is keyed.
 *
 * <p><b>Threading:</b> task thread only.
 */
public final class StreamingRuntimeContext implements RuntimeContext {

    private final TaskInfo taskInfo;
    private final Map<String, Accumulator<?, ?>> accumulators;
    private final KeyedStateBackend<Object> keyedStateBackend;
    private final String operatorName;
    private final boolean checkpointingEnabled;

    /**
     * @param taskInfo facts about the task
     * @param accumulators the task's accumulator registry, shared by its operators
     * @param keyedStateBackend the operator's keyed state, or null
     * @param operatorName the operator's name, for error messages
     * @param checkpointingEnabled whether the job takes periodic checkpoints
     */
    public StreamingRuntimeContext(TaskInfo taskInfo, Map<String, Accumulator<?, ?>> accumulators,
                                   KeyedStateBackend<Object> keyedStateBackend, String operatorName,
                                   boolean checkpointingEnabled) {
        this.checkpointingEnabled = checkpointingEnabled;
        this.taskInfo = taskInfo;
        this.accumulators = accumulators;
        this.keyedStateBackend = keyedStateBackend;
        this.operatorName = operatorName;
    }

    @Override
    public String getTaskName() {
        return taskInfo.taskName();
    }

    @Override
    public int getIndexOfThisSubtask() {
        return taskInfo.subtaskIndex();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return taskInfo.parallelism();
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return taskInfo.maxParallelism();
    }

    @Override
    public boolean isCheckpointingEnabled() {
        return checkpointingEnabled;
    }

    @Override
    public int getAttemptNumber() {
        return taskInfo.attemptNumber();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return taskInfo.userClassLoader();
    }

    @Override
    public LongCounter getLongCounter(String name) {
        Accumulator<?, ?> existing = accumulators.get(name);
        if (existing == null) {
            LongCounter c = new LongCounter();
            accumulators.put(name, c);
            return c;
        }
        if (!(existing instanceof LongCounter c)) {
            throw new IllegalStateException("Accumulator '" + name + "' is a " + existing.getClass().getSimpleName()
                    + ", not a LongCounter");
        }
        return c;
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        if (accumulators.putIfAbsent(name, accumulator) != null) {
            throw new IllegalStateException("Accumulator '" + name + "' is already registered in task "
                    + taskInfo.taskName());
        }
    }

    private <S> S state(StateDescriptor<?> descriptor) {
        if (keyedStateBackend == null) {
            throw new UnsupportedOperationException("Keyed state (" + descriptor + ") is only available on a "
                    + "KeyedStream, but operator '" + operatorName + "' is not keyed; use keyBy() first");
        }
        return keyedStateBackend.getOrCreateKeyedState(descriptor);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return state(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return state(descriptor);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        return state(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return state(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return state(descriptor);
    }
}
