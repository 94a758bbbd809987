package io.runnel.api.windowing.evictors;

import io.runnel.annotation.Public;
import io.runnel.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the elements of a window whose event timestamp is within {@code windowSize} of the newest one, and evicts
 * the older ones: with {@code max} the largest timestamp among the elements, it keeps exactly the elements with
 * {@code timestamp >= max - windowSize}. Evicts before the window function unless built with {@code doEvictAfter}.
 * After Flink's {@code TimeEvictor}, which instead keeps {@code timestamp > max - windowSize}.
 *
 * <p><b>Contract:</b> elements without a timestamp are kept (their age is unknown), and do not count towards
 * {@code max}; if no element has a timestamp, nothing is evicted.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <W> the type of the windows
 */
@Public
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long windowSizeMs;
    private final boolean doEvictAfter;

    private TimeEvictor(long windowSizeMs, boolean doEvictAfter) {
        this.windowSizeMs = windowSizeMs;
        this.doEvictAfter = doEvictAfter;
    }

    /**
     * @param windowSize how far back from the newest element to keep, {@code >= 0} (0 keeps only the newest
     *     timestamp)
     * @return an evictor that evicts before the window function
     * @throws IllegalArgumentException if {@code windowSize} is null, negative or too large for ms
     */
    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return of(windowSize, false);
    }

    /**
     * @param windowSize how far back from the newest element to keep, {@code >= 0}
     * @param doEvictAfter true to evict after the window function, false to evict before it
     * @return the evictor
     * @throws IllegalArgumentException if {@code windowSize} is null, negative or too large for ms
     */
    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        if (windowSize == null || windowSize.isNegative()) {
            throw new IllegalArgumentException("windowSize must be a duration >= 0, got " + windowSize);
        }
        try {
            return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("windowSize is too large to be held in ms: " + windowSize, e);
        }
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        long max = Long.MIN_VALUE;
        boolean anyTimestamp = false;
        for (TimestampedValue<Object> element : elements) {
            if (element.hasTimestamp()) {
                anyTimestamp = true;
                max = Math.max(max, element.timestamp());
            }
        }
        if (!anyTimestamp) {
            return;
        }
        // Saturate rather than wrap, so that a huge window size near Long.MIN_VALUE keeps everything.
        long cutoff = max < Long.MIN_VALUE + windowSizeMs ? Long.MIN_VALUE : max - windowSizeMs;
        Iterator<TimestampedValue<Object>> it = elements.iterator();
        while (it.hasNext()) {
            TimestampedValue<Object> element = it.next();
            if (element.hasTimestamp() && element.timestamp() < cutoff) {
                it.remove();
            }
        }
    }

    /** @return how far back from the newest element the evictor keeps, in ms */
    public long getWindowSize() {
        return windowSizeMs;
    }

    /** @return true if the evictor runs after the window function */
    public boolean isEvictAfter() {
        return doEvictAfter;
    }

    @Override
    public String toString() {
        return "TimeEvictor(" + windowSizeMs + " ms" + (doEvictAfter ? ", after" : ", before") + ")";
    }
}
