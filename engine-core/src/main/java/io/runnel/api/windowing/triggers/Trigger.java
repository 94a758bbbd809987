package io.runnel.api.windowing.triggers;

import io.runnel.annotation.Public;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window fires (its contents go to the window function) and when it is purged. The window operator
 * calls the trigger for every element added to a window and for every timer the trigger registered; each call
 * returns a {@link TriggerResult}. Follows Flink's {@code Trigger}.
 *
 * <p><b>Contract:</b> a trigger keeps nothing in its own fields between calls: anything it remembers per key and
 * window lives in state from {@link TriggerContext#getPartitionedState}, so that it is checkpointed and scoped to
 * the (key, window) pair. Timers are scoped the same way; registering the same time twice registers one timer.
 * {@link #clear} removes what the trigger registered for a window.
 *
 * <p><b>Threading:</b> configured when the job is built, then shared read-only; the window operator calls it on the
 * task thread only, and the context is valid only during the call.
 *
 * @param <T> the type of the elements
 * @param <W> the type of the windows
 */
@Public
public abstract class Trigger<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Called for each element added to a window.
     *
     * @param element the element
     * @param timestamp the element's event timestamp in ms, {@link Long#MIN_VALUE} if it has none
     * @param window the window the element was added to
     * @param ctx timers and state of this key and window
     * @return what to do with the window
     * @throws Exception to fail the task
     */
    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    /**
     * Called when a processing-time timer registered for this window fires.
     *
     * @param time the timer's time in ms
     * @return what to do with the window
     * @throws Exception to fail the task
     */
    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /**
     * Called when an event-time timer registered for this window fires (the watermark reached {@code time}).
     *
     * @param time the timer's time in ms
     * @return what to do with the window
     * @throws Exception to fail the task
     */
    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** @return true if the trigger supports {@link #onMerge}; a merging assigner needs a trigger that does */
    public boolean canMerge() {
        return false;
    }

    /**
     * Called when windows merged into {@code window}: the trigger merges its state of the old windows (through
     * {@link OnMergeContext#mergePartitionedState}) and registers the timers the merged window needs. The old
     * windows' timers are removed by the operator calling {@link #clear} on them.
     *
     * @throws UnsupportedOperationException if {@link #canMerge()} is false
     * @throws Exception to fail the task
     */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows");
    }

    /**
     * Removes the timers and state the trigger holds for {@code window}; called when the window is discarded.
     *
     * @throws Exception to fail the task
     */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /**
     * The timers, clocks and state a trigger sees, scoped to the current key and window.
     *
     * <p><b>Threading:</b> task thread only, valid only during the trigger call that received it.
     */
    @Public
    public interface TriggerContext {

        /** @return the current processing time in ms */
        long getCurrentProcessingTime();

        /** @return the current event-time watermark in ms, {@link Long#MIN_VALUE} before the first */
        long getCurrentWatermark();

        /** Registers a processing-time timer at {@code time} ms; {@link #onProcessingTime} runs when it fires. */
        void registerProcessingTimeTimer(long time);

        /** Registers an event-time timer at {@code time} ms; {@link #onEventTime} runs once the watermark is there. */
        void registerEventTimeTimer(long time);

        /** Deletes a processing-time timer at {@code time} ms; does nothing if there is none. */
        void deleteProcessingTimeTimer(long time);

        /** Deletes an event-time timer at {@code time} ms; does nothing if there is none. */
        void deleteEventTimeTimer(long time);

        /**
         * Returns the state named by {@code descriptor}, scoped to the current key and window. The type is taken
         * from the call site, as in {@code ReducingState<Long> count = ctx.getPartitionedState(countDescriptor)};
         * it must match the descriptor's kind ({@code ReducingStateDescriptor} gives a {@code ReducingState}).
         *
         * @param <S> the state type the caller expects
         * @throws IllegalStateException if the name was registered before with another kind of state
         * @throws ClassCastException at the call site if {@code S} does not match the descriptor's kind
         */
        <S extends State> S getPartitionedState(StateDescriptor<?> descriptor);
    }

    /**
     * The context of {@link #onMerge}: it can also merge the state of the windows that merged.
     *
     * <p><b>Threading:</b> as {@link TriggerContext}.
     */
    @Public
    public interface OnMergeContext extends TriggerContext {

        /**
         * Merges the state named by {@code descriptor} of the windows that merged into the merged window (reducing
         * state is reduced, list state concatenated).
         *
         * @throws UnsupportedOperationException if the state kind cannot be merged (value and map state)
         */
        void mergePartitionedState(StateDescriptor<?> descriptor);
    }
}
