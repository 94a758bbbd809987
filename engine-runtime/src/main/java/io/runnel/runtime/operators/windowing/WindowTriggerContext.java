package io.runnel.runtime.operators.windowing;

import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.windows.Window;
import io.runnel.runtime.operators.timers.InternalTimerServiceImpl;
import io.runnel.state.InternalKvState;
import io.runnel.state.InternalMergingState;
import io.runnel.state.KeyedStateBackend;
import java.util.Collection;
import java.util.List;

/**
 * The {@link Trigger}'s view of the current key and window: timers in the window's namespace and state scoped to
 * the window. Reused for every call; the operator sets the window first.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <W> window type
 */
final class WindowTriggerContext<K, W extends Window> implements Trigger.OnMergeContext {

    private final KeyedStateBackend<K> backend;
    private final TypeSerializer<W> windowSerializer;
    private final InternalTimerServiceImpl<K, W> timers;
    /** Owner: task thread. */
    private W window;
    private Collection<W> mergedWindows = List.of();

    WindowTriggerContext(KeyedStateBackend<K> backend, TypeSerializer<W> windowSerializer,
                         InternalTimerServiceImpl<K, W> timers) {
        this.backend = backend;
        this.windowSerializer = windowSerializer;
        this.timers = timers;
    }

    void setWindow(W current) {
        this.window = current;
    }

    void setMergedWindows(Collection<W> merged) {
        this.mergedWindows = merged;
    }

    @Override
    public long getCurrentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long getCurrentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(window, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(window, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(window, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(window, time);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getPartitionedState(StateDescriptor<?> descriptor) {
        S state = backend.getOrCreateKeyedState(windowSerializer, descriptor);
        ((InternalKvState<W>) state).setCurrentNamespace(window);
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergePartitionedState(StateDescriptor<?> descriptor) {
        State state = backend.getOrCreateKeyedState(windowSerializer, descriptor);
        if (!(state instanceof InternalMergingState<?> merging)) {
            throw new UnsupportedOperationException("Trigger state '" + descriptor.getName() + "' is " + descriptor
                    .getKind() + " state, which cannot be merged; use reducing, aggregating or list state");
        }
        if (!mergedWindows.isEmpty()) {
            ((InternalMergingState<W>) merging).mergeNamespaces(window, mergedWindows);
        }
    }
}
