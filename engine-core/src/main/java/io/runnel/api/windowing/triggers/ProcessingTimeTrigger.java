package io.runnel.api.windowing.triggers;

import io.runnel.annotation.Public;
import io.runnel.api.windowing.windows.TimeWindow;

/**
 * Fires a window once the processing-time clock passes its end: one processing-time timer at
 * {@code window.maxTimestamp()}. The default trigger of the processing-time assigners. Follows Flink's
 * {@code ProcessingTimeTrigger}.
 *
 * <p><b>Contract:</b> supports merging: a merged window gets a timer at its own {@code maxTimestamp()} unless the
 * clock is already past it.
 *
 * <p><b>Threading:</b> stateless and immutable; one instance is shared.
 */
@Public
public final class ProcessingTimeTrigger extends Trigger<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;
    private static final ProcessingTimeTrigger INSTANCE = new ProcessingTimeTrigger();

    private ProcessingTimeTrigger() {
    }

    /** @return the processing-time trigger */
    public static ProcessingTimeTrigger create() {
        return INSTANCE;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
        ctx.registerProcessingTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    /** @return FIRE: the only processing-time timer this trigger registers is the window's end */
    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.FIRE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(TimeWindow window, OnMergeContext ctx) {
        if (window.maxTimestamp() > ctx.getCurrentProcessingTime()) {
            ctx.registerProcessingTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) {
        ctx.deleteProcessingTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "ProcessingTimeTrigger()";
    }
}
