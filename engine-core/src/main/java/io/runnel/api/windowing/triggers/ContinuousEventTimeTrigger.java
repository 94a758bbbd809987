package io.runnel.api.windowing.triggers;

import io.runnel.annotation.Public;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of event time while it is open, and once more when the watermark passes
 * its end: early results for long windows. Fire times are multiples of the interval (ms since the epoch), capped at
 * {@code window.maxTimestamp()}; the next one is kept in reducing state named {@code "fire-time"}. Follows Flink's
 * {@code ContinuousEventTimeTrigger}.
 *
 * <p><b>Contract:</b> the first element of a window schedules the fire at the end of its interval slot (element at
 * 13 ms, interval 10 ms: fire at 20); each fire schedules the next one {@code interval} later. An element that
 * arrives when the watermark is past the window's end fires it at once. Fires with FIRE. Supports merging: the
 * merged window keeps the earliest pending fire time.
 *
 * <p><b>Threading:</b> immutable; the pending fire time is in state, not in the trigger.
 *
 * @param <W> the type of the windows
 */
@Public
public final class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long intervalMs;
    private final ReducingStateDescriptor<Long> fireTimeDescriptor = FireTimes.descriptor();

    private ContinuousEventTimeTrigger(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /**
     * @param interval the event time between fires, at least 1 ms
     * @return a trigger that fires every {@code interval}
     * @throws IllegalArgumentException if {@code interval} is null or below 1 ms
     */
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(FireTimes.intervalMillis(interval));
    }

    /**
     * @throws IllegalStateException if the element has no timestamp ({@code timestamp == Long.MIN_VALUE}): there
     *     is no event time to align the first fire to
     */
    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("ContinuousEventTimeTrigger got a record without an event timestamp;"
                    + " assign timestamps and watermarks to the stream before windowing it");
        }
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        if (fireTime.get() == null) {
            schedule(FireTimes.firstFireTime(timestamp, intervalMs, window), fireTime, ctx);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long pending = fireTime.get();
        if (pending == null || pending != time) {
            return TriggerResult.CONTINUE;
        }
        fireTime.clear();
        schedule(FireTimes.after(time, intervalMs, window), fireTime, ctx);
        return TriggerResult.FIRE;
    }

    private static void schedule(long time, ReducingState<Long> fireTime, TriggerContext ctx) {
        fireTime.add(time);
        ctx.registerEventTimeTimer(time);
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) {
        ctx.mergePartitionedState(fireTimeDescriptor);
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long pending = fireTime.get();
        if (pending != null) {
            ctx.registerEventTimeTimer(pending);
        }
        if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long pending = fireTime.get();
        if (pending != null) {
            ctx.deleteEventTimeTimer(pending);
        }
        fireTime.clear();
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    /** @return the event time between fires in ms */
    public long getInterval() {
        return intervalMs;
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + intervalMs + " ms)";
    }
}
