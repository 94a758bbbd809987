package io.runnel.api.windowing.triggers;

import io.runnel.annotation.Public;
import io.runnel.api.windowing.windows.Window;

/**
 * A trigger that never fires and registers nothing: the default of {@code GlobalWindows}, whose one window has no
 * end, so a job must name its own trigger. Follows the {@code NeverTrigger} nested in Flink's
 * {@code GlobalWindows}.
 *
 * <p><b>Contract:</b> every call returns CONTINUE; merging is allowed and does nothing.
 *
 * <p><b>Threading:</b> stateless and immutable; one instance is shared.
 *
 * @param <W> the type of the windows
 */
@Public
public final class NeverTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;
    private static final NeverTrigger<?> INSTANCE = new NeverTrigger<>();

    private NeverTrigger() {
    }

    /** @return the never-firing trigger */
    @SuppressWarnings("unchecked")
    public static <W extends Window> NeverTrigger<W> create() {
        // Safe: the trigger never looks at its windows.
        return (NeverTrigger<W>) INSTANCE;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
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
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
    }

    @Override
    public String toString() {
        return "NeverTrigger()";
    }
}
