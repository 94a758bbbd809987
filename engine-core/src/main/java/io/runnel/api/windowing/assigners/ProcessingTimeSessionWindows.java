package io.runnel.api.windowing.assigners;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.triggers.ProcessingTimeTrigger;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Groups elements of a key into sessions of processing time: each element gets the window {@code [t, t + gap)}
 * for its arrival time (processing time) t, and windows that overlap or touch merge (see
 * {@link TimeWindow#mergeWindows}), so a session ends once no element arrives for {@code gap}. Follows Flink's
 * {@code ProcessingTimeSessionWindows}.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long gapMs;

    private ProcessingTimeSessionWindows(long gapMs) {
        this.gapMs = gapMs;
    }

    /**
     * @param gap the inactivity that ends a session, at least 1 ms
     * @return session windows with that gap
     * @throws IllegalArgumentException if {@code gap} is null or below 1 ms
     */
    public static ProcessingTimeSessionWindows withGap(Duration gap) {
        return new ProcessingTimeSessionWindows(AssignerArguments.positiveMillis("gap", gap));
    }

    /**
     * @param timestamp ignored: the window starts at the current processing time
     * @return the element's own window, before merging
     */
    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        return List.of(new TimeWindow(now, now + gapMs));
    }

    /** Merges windows that overlap or touch; see {@link TimeWindow#mergeWindows}. */
    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer() {
        return TimeWindow.Serializer.INSTANCE;
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    /** @return the session gap in ms */
    public long getGap() {
        return gapMs;
    }

    @Override
    public String toString() {
        return "ProcessingTimeSessionWindows(gap=" + gapMs + " ms)";
    }
}
