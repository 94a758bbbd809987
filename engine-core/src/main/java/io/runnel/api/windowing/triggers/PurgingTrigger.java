package io.runnel.api.windowing.triggers;

import io.runnel.annotation.Public;
import io.runnel.api.windowing.windows.Window;

/**
 * Wraps a trigger and turns each of its FIRE results into FIRE_AND_PURGE, so every fire emits only the elements
 * added since the previous one. Everything else (CONTINUE, PURGE, merging, clear) is passed through. Follows
 * Flink's {@code PurgingTrigger}.
 *
 * <p><b>Threading:</b> immutable if the nested trigger is.
 *
 * @param <T> the type of the elements
 * @param <W> the type of the windows
 */
@Public
public final class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {

    private static final long serialVersionUID = 1L;

    private final Trigger<T, W> nested;

    private PurgingTrigger(Trigger<T, W> nested) {
        this.nested = nested;
    }

    /**
     * @param nested the trigger whose fires should purge
     * @return the purging wrapper
     * @throws IllegalArgumentException if {@code nested} is null
     */
    public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nested) {
        if (nested == null) {
            throw new IllegalArgumentException("nested trigger must not be null");
        }
        return new PurgingTrigger<>(nested);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        return purgeOnFire(nested.onElement(element, timestamp, window, ctx));
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return purgeOnFire(nested.onEventTime(time, window, ctx));
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return purgeOnFire(nested.onProcessingTime(time, window, ctx));
    }

    private static TriggerResult purgeOnFire(TriggerResult result) {
        return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
    }

    @Override
    public boolean canMerge() {
        return nested.canMerge();
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        nested.onMerge(window, ctx);
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        nested.clear(window, ctx);
    }

    /** @return the wrapped trigger */
    public Trigger<T, W> getNestedTrigger() {
        return nested;
    }

    @Override
    public String toString() {
        return "PurgingTrigger(" + nested + ")";
    }
}
