package io.runnel.api.windowing.assigners;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.triggers.ProcessingTimeTrigger;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Assigns each element to every fixed-size window of processing time that holds its processing time at arrival,
 * where a new window starts every {@code slide}: windows are {@code [offset + k * slide, offset + k * slide + size)}
 * for every integer k. With {@code size % slide == 0} each element is in exactly {@code size / slide} windows; with
 * a slide larger than the size, elements between windows are in none. Follows Flink's
 * {@code SlidingProcessingTimeWindows}.
 *
 * <p>The runtime may keep one partial result per slide (pane) instead of one per window, which is why size, slide
 * and offset are exposed.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long sizeMs;
    private final long slideMs;
    private final long offsetMs;

    private SlidingProcessingTimeWindows(long sizeMs, long slideMs, long offsetMs) {
        this.sizeMs = sizeMs;
        this.slideMs = slideMs;
        this.offsetMs = offsetMs;
    }

    /**
     * @param size the window length, at least 1 ms
     * @param slide the distance between window starts, at least 1 ms
     * @return windows aligned to the epoch
     * @throws IllegalArgumentException if {@code size} or {@code slide} is null or below 1 ms
     */
    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    /**
     * @param size the window length, at least 1 ms
     * @param slide the distance between window starts, at least 1 ms
     * @param offset the shift of the window starts against the epoch, {@code |offset| < slide}; may be negative
     * @return windows starting at {@code offset + k * slide}
     * @throws IllegalArgumentException if {@code size} or {@code slide} is null or below 1 ms, or {@code offset}
     *     is null or not within {@code (-slide, slide)}
     */
    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        long sizeMs = AssignerArguments.positiveMillis("size", size);
        long slideMs = AssignerArguments.positiveMillis("slide", slide);
        long offsetMs = AssignerArguments.millis("offset", offset);
        AssignerArguments.checkOffset(offsetMs, slideMs, "slide");
        return new SlidingProcessingTimeWindows(sizeMs, slideMs, offsetMs);
    }

    /**
     * @param timestamp ignored: the element goes into the windows of the current processing time
     * @return the windows that hold the element, latest start first
     */
    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return windowsContaining(context.getCurrentProcessingTime());
    }

    private List<TimeWindow> windowsContaining(long time) {
        List<TimeWindow> windows = new ArrayList<>();
        long lastStart = TimeWindow.getWindowStartWithOffset(time, offsetMs, slideMs);
        // Walk back one slide at a time while the window starting there still reaches time (start + size > time).
        for (long start = lastStart; start > time - sizeMs; start -= slideMs) {
            windows.add(new TimeWindow(start, start + sizeMs));
        }
        return windows;
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

    /** @return the window length in ms */
    public long getSize() {
        return sizeMs;
    }

    /** @return the distance between window starts in ms */
    public long getSlide() {
        return slideMs;
    }

    /** @return the shift of the window starts against the epoch in ms */
    public long getOffset() {
        return offsetMs;
    }

    @Override
    public String toString() {
        return "SlidingProcessingTimeWindows(size=" + sizeMs + " ms, slide=" + slideMs + " ms, offset=" + offsetMs
                + " ms)";
    }
}
