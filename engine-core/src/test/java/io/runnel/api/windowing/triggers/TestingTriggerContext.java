package io.runnel.api.windowing.triggers;

import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trigger context for one key: it records timers per window and keeps reducing state per window in maps, the way
 * the window operator scopes them. Tests set the clocks and the current window directly.
 *
 * <p><b>Threading:</b> test thread only.
 */
final class TestingTriggerContext implements Trigger.OnMergeContext {

    /** A timer as the operator would key it: per window. */
    record Timer(Window window, long time) {
    }

    private final Set<Timer> eventTimers = new HashSet<>();
    private final Set<Timer> processingTimers = new HashSet<>();
    private final Map<Window, Map<String, Object>> state = new HashMap<>();
    private long processingTime;
    private long watermark = Long.MIN_VALUE;
    private Window window;
    private List<Window> mergedWindows = List.of();

    /** Scopes the following calls to {@code w}. */
    TestingTriggerContext window(Window w) {
        this.window = w;
        this.mergedWindows = List.of();
        return this;
    }

    /** Scopes the following calls to {@code into}, whose state merges from {@code from}. */
    TestingTriggerContext merging(Collection<? extends Window> from, Window into) {
        this.window = into;
        this.mergedWindows = new ArrayList<>(from);
        return this;
    }

    TestingTriggerContext watermark(long time) {
        this.watermark = time;
        return this;
    }

    TestingTriggerContext processingTime(long time) {
        this.processingTime = time;
        return this;
    }

    /** @return the event timers registered for {@code w}, sorted */
    TreeSet<Long> eventTimers(Window w) {
        return timesOf(eventTimers, w);
    }

    /** @return the processing timers registered for {@code w}, sorted */
    TreeSet<Long> processingTimers(Window w) {
        return timesOf(processingTimers, w);
    }

    /** @return the state names that hold a value for {@code w} */
    Set<String> stateNames(Window w) {
        return state.getOrDefault(w, Map.of()).keySet();
    }

    private static TreeSet<Long> timesOf(Set<Timer> timers, Window w) {
        TreeSet<Long> times = new TreeSet<>();
        for (Timer t : timers) {
            if (t.window().equals(w)) {
                times.add(t.time());
            }
        }
        return times;
    }

    @Override
    public long getCurrentProcessingTime() {
        return processingTime;
    }

    @Override
    public long getCurrentWatermark() {
        return watermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        processingTimers.add(new Timer(window, time));
    }

    @Override
    public void registerEventTimeTimer(long time) {
        eventTimers.add(new Timer(window, time));
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        processingTimers.remove(new Timer(window, time));
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        eventTimers.remove(new Timer(window, time));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getPartitionedState(StateDescriptor<?> descriptor) {
        if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
            return (S) new TestingReducingState<>(window, (ReducingStateDescriptor<Object>) reducing);
        }
        throw new UnsupportedOperationException("the testing context only keeps reducing state: " + descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergePartitionedState(StateDescriptor<?> descriptor) {
        if (!(descriptor instanceof ReducingStateDescriptor<?> reducing)) {
            throw new UnsupportedOperationException("cannot merge " + descriptor);
        }
        ReducingState<Object> target = new TestingReducingState<>(window, (ReducingStateDescriptor<Object>) reducing);
        for (Window source : mergedWindows) {
            Object value = state.getOrDefault(source, Map.of()).get(descriptor.getName());
            if (value != null && !source.equals(window)) {
                target.add(value);
                state.get(source).remove(descriptor.getName());
            }
        }
    }

    /** Reducing state of one window, backed by the context's map. */
    private final class TestingReducingState<T> implements ReducingState<T> {
        private final Window scope;
        private final String name;
        private final ReduceFunction<T> reducer;

        TestingReducingState(Window scope, ReducingStateDescriptor<T> descriptor) {
            this.scope = scope;
            this.name = descriptor.getName();
            this.reducer = descriptor.getReduceFunction();
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get() {
            return (T) state.getOrDefault(scope, Map.of()).get(name);
        }

        @Override
        public void add(T value) {
            T current = get();
            try {
                T next = current == null ? value : reducer.reduce(current, value);
                state.computeIfAbsent(scope, w -> new HashMap<>()).put(name, next);
            } catch (Exception e) {
                throw new IllegalStateException("reduce function failed", e);
            }
        }

        @Override
        public void clear() {
            Map<String, Object> values = state.get(scope);
            if (values != null) {
                values.remove(name);
            }
        }
    }
}
