package io.runnel.api.windowing.triggers;

import io.runnel.annotation.Public;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.windowing.windows.Window;

/**
 * Fires a window each time {@code maxCount} more elements have been added to it. The count lives in reducing
 * state named {@code "count"}, per key and window, and restarts at zero after each fire. Follows Flink's
 * {@code CountTrigger}.
 *
 * <p><b>Contract:</b> fires with FIRE (the contents stay; wrap in {@link PurgingTrigger} to drop them). Supports
 * merging: the counts of merged windows add up, and a merged count at or above {@code maxCount} fires on the next
 * element.
 *
 * <p><b>Threading:</b> immutable; the count is in state, not in the trigger.
 *
 * @param <W> the type of the windows
 */
@Public
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final ReducingStateDescriptor<Long> countDescriptor =
            new ReducingStateDescriptor<>("count", new LongReducers.Sum(), Long.class);

    private CountTrigger(long maxCount) {
        this.maxCount = maxCount;
    }

    /**
     * @param maxCount the number of elements per fire, {@code > 0}
     * @return a trigger that fires every {@code maxCount} elements
     * @throws IllegalArgumentException if {@code maxCount <= 0}
     */
    public static <W extends Window> CountTrigger<W> of(long maxCount) {
        if (maxCount <= 0) {
            throw new IllegalArgumentException("maxCount must be > 0, got " + maxCount);
        }
        return new CountTrigger<>(maxCount);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
        count.add(1L);
        if (count.get() >= maxCount) {
            count.clear();
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
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
        ctx.mergePartitionedState(countDescriptor);
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(countDescriptor).clear();
    }

    /** @return the number of elements per fire */
    public long getMaxCount() {
        return maxCount;
    }

    @Override
    public String toString() {
        return "CountTrigger(" + maxCount + ")";
    }
}
