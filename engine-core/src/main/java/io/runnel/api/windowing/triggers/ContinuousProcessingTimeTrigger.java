package io.runnel.api.windowing.triggers;

import io.runnel.annotation.Public;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of processing time once it holds an element. Fire times are multiples of
 * the interval (ms since the epoch), capped at {@code window.maxTimestamp()}, so a time window's last fire is at
 * its end; the next one is kept in reducing state named {@code "fire-time"}. Follows Flink's
 * {@code ContinuousProcessingTimeTrigger}.
 *
 * <p><b>Contract:</b> the first element of a window schedules the fire at the end of the current interval slot
 * (clock at 13 ms, interval 10 ms: fire at 20); each fire schedules the next one {@code interval} later, until the
 * fire at the window's end. Fires with FIRE. Supports merging: the merged window keeps the earliest pending fire
 * time.
 *
 * <p><b>Threading:</b> immutable; the pending fire time is in state, not in the trigger.
 *
 * @param <W> the type of the windows
 */
@Public
public final class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long intervalMs;
    private final ReducingStateDescriptor<Long> fireTimeDescriptor = FireTimes.descriptor();

    private ContinuousProcessingTimeTrigger(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /**
     * @param interval the processing time between fires, at least 1 ms
     * @return a trigger that fires every {@code interval}
     * @throws IllegalArgumentException if {@code interval} is null or below 1 ms
     */
    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(FireTimes.intervalMillis(interval));
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        if (fireTime.get() == null) {
            schedule(FireTimes.firstFireTime(ctx.getCurrentProcessingTime(), intervalMs, window), fireTime, ctx);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long pending = fireTime.get();
        if (pending == null || pending != time) {
            return TriggerResult.CONTINUE;
        }
        fireTime.clear();
        // The fire at the window's end is the last: rescheduling it would register a timer that is already due.
        if (time < window.maxTimestamp()) {
            schedule(FireTimes.after(time, intervalMs, window), fireTime, ctx);
        }
        return TriggerResult.FIRE;
    }

    private static void schedule(long time, ReducingState<Long> fireTime, TriggerContext ctx) {
        fireTime.add(time);
        ctx.registerProcessingTimeTimer(time);
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) {
        ctx.mergePartitionedState(fireTimeDescriptor);
        Long pending = ctx.<ReducingState<Long>>getPartitionedState(fireTimeDescriptor).get();
        if (pending != null) {
            ctx.registerProcessingTimeTimer(pending);
        }
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long pending = fireTime.get();
        if (pending != null) {
            ctx.deleteProcessingTimeTimer(pending);
        }
        fireTime.clear();
    }

    /** @return the processing time between fires in ms */
    public long getInterval() {
        return intervalMs;
    }

    @Override
    public String toString() {
        return "ContinuousProcessingTimeTrigger(" + intervalMs + " ms)";
    }
}
