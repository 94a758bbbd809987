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
 * Assigns each element to the one fixed-size, non-overlapping window of processing time that holds its processing
 * time at arrival.
 * Windows are {@code [offset + k * size, offset + (k + 1) * size)} for every integer k, so with a zero offset they
 * are aligned to the epoch (an hourly window starts on the hour, in UTC); an offset shifts the grid, e.g. to a time
 * zone. Follows Flink's {@code TumblingProcessingTimeWindows}.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long sizeMs;
    private final long offsetMs;

    private TumblingProcessingTimeWindows(long sizeMs, long offsetMs) {
        this.sizeMs = sizeMs;
        this.offsetMs = offsetMs;
    }

    /**
     * @param size the window length, at least 1 ms
     * @return windows of {@code size} aligned to the epoch
     * @throws IllegalArgumentException if {@code size} is null or below 1 ms
     */
    public static TumblingProcessingTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    /**
     * @param size the window length, at least 1 ms
     * @param offset the shift of the windows against the epoch, {@code |offset| < size}; may be negative
     * @return windows of {@code size} starting at {@code offset + k * size}
     * @throws IllegalArgumentException if {@code size} is null or below 1 ms, or {@code offset} is null or not
     *     within {@code (-size, size)}
     */
    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        long sizeMs = AssignerArguments.positiveMillis("size", size);
        long offsetMs = AssignerArguments.millis("offset", offset);
        AssignerArguments.checkOffset(offsetMs, sizeMs, "size");
        return new TumblingProcessingTimeWindows(sizeMs, offsetMs);
    }

    /**
     * @param timestamp ignored: the element goes into the window of the current processing time
     * @return the one window that holds the element
     */
    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        long start = TimeWindow.getWindowStartWithOffset(now, offsetMs, sizeMs);
        return List.of(new TimeWindow(start, start + sizeMs));
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

    /** @return the shift of the windows against the epoch in ms */
    public long getOffset() {
        return offsetMs;
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(size=" + sizeMs + " ms, offset=" + offsetMs + " ms)";
    }
}
