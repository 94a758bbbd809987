package io.runnel.api.windowing.evictors;

import io.runnel.annotation.Public;
import io.runnel.api.windowing.windows.Window;
import java.util.Iterator;

/**
 * Keeps the last {@code maxCount} elements of a window and evicts the older ones (those added first). Evicts
 * before the window function unless built with {@code doEvictAfter}. Follows Flink's {@code CountEvictor}.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <W> the type of the windows
 */
@Public
public final class CountEvictor<W extends Window> implements Evictor<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final boolean doEvictAfter;

    private CountEvictor(long maxCount, boolean doEvictAfter) {
        this.maxCount = maxCount;
        this.doEvictAfter = doEvictAfter;
    }

    /**
     * @param maxCount the number of elements to keep, {@code > 0}
     * @return an evictor that evicts before the window function
     * @throws IllegalArgumentException if {@code maxCount <= 0}
     */
    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return of(maxCount, false);
    }

    /**
     * @param maxCount the number of elements to keep, {@code > 0}
     * @param doEvictAfter true to evict after the window function, false to evict before it
     * @return the evictor
     * @throws IllegalArgumentException if {@code maxCount <= 0}
     */
    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        if (maxCount <= 0) {
            throw new IllegalArgumentException("maxCount must be > 0, got " + maxCount);
        }
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        long toEvict = size - maxCount;
        Iterator<TimestampedValue<Object>> it = elements.iterator();
        for (long i = 0; i < toEvict && it.hasNext(); i++) {
            it.next();
            it.remove();
        }
    }

    /** @return the number of elements kept */
    public long getMaxCount() {
        return maxCount;
    }

    /** @return true if the evictor runs after the window function */
    public boolean isEvictAfter() {
        return doEvictAfter;
    }

    @Override
    public String toString() {
        return "CountEvictor(" + maxCount + (doEvictAfter ? ", after" : ", before") + ")";
    }
}
