package io.runnel.connector.testing;

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
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** A runtime context with counters and accumulators in maps; state access is unsupported (no keyed stream). */
public final class TestingRuntimeContext implements RuntimeContext {

    private final String taskName;
    private final int subtaskIndex;
    private final int parallelism;
    private final Map<String, LongCounter> counters = new HashMap<>();
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();

    public TestingRuntimeContext(String taskName, int subtaskIndex, int parallelism) {
        this.taskName = taskName;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    /** @return the value of the named counter, 0 if never used */
    public long counterValue(String name) {
        LongCounter c = counters.get(name);
        return c == null ? 0 : c.getLocalValue();
    }

    public Map<String, Accumulator<?, ?>> accumulators() {
        return accumulators;
    }

    @Override
    public String getTaskName() {
        return taskName;
    }

    @Override
    public int getIndexOfThisSubtask() {
        return subtaskIndex;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return 128;
    }

    @Override
    public boolean isCheckpointingEnabled() {
        return false;
    }

    @Override
    public int getAttemptNumber() {
        return 0;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public LongCounter getLongCounter(String name) {
        return counters.computeIfAbsent(name, n -> new LongCounter());
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        if (accumulators.putIfAbsent(name, accumulator) != null) {
            throw new IllegalStateException("accumulator " + name + " already registered");
        }
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        throw new UnsupportedOperationException("no keyed state in connector tests");
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        throw new UnsupportedOperationException("no keyed state in connector tests");
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        throw new UnsupportedOperationException("no keyed state in connector tests");
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        throw new UnsupportedOperationException("no keyed state in connector tests");
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        throw new UnsupportedOperationException("no keyed state in connector tests");
    }
}
