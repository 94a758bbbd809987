package io.runnel.api.windowing.triggers;

import io.runnel.annotation.Public;
import io.runnel.api.windowing.windows.TimeWindow;

/**
 * Fires a window once the watermark passes its end: one event-time timer at {@code window.maxTimestamp()}. The
 * default trigger of the event-time assigners. Follows Flink's {@code EventTimeTrigger}.
 *
 * <p><b>Contract:</b> an element that arrives when the watermark is already at or past {@code maxTimestamp()} (a
 * late element still within the allowed lateness) fires the window at once, with the contents so far. Supports
 * merging: a merged window gets a timer at its own {@code maxTimestamp()} unless the watermark is past it.
 *
 * <p><b>Threading:</b> stateless and immutable; one instance is shared.
 */
@Public
public final class EventTimeTrigger extends Trigger<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;
    private static final EventTimeTrigger INSTANCE = new EventTimeTrigger();

    private EventTimeTrigger() {
    }

    /** @return the event-time trigger */
    public static EventTimeTrigger create() {
        return INSTANCE;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    /** @return FIRE for the timer at the window's end; CONTINUE for any other time (another trigger's timer) */
    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
        return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(TimeWindow window, OnMergeContext ctx) {
        // Past the watermark the merged window's timer would fire at once, and the element that caused the merge
        // fires it through onElement anyway, so only a future end needs a timer.
        if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "EventTimeTrigger()";
    }
}
