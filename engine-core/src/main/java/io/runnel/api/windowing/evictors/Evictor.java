package io.runnel.api.windowing.evictors;

import io.runnel.annotation.Public;
import io.runnel.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Removes elements from a window's contents when the window fires: {@link #evictBefore} runs just before the
 * window function, {@link #evictAfter} just after it, and an element is removed by calling {@code remove()} on the
 * iterator of {@code elements}. A window with an evictor keeps all its elements (no incremental aggregation),
 * since the evictor must see them. Follows Flink's {@code Evictor}.
 *
 * <p><b>Contract:</b> elements are in the order they were added; what the evictor removes is gone from the
 * window's state for later fires too.
 *
 * <p><b>Threading:</b> configured when the job is built, then shared read-only; called on the task thread only.
 *
 * @param <T> the element type
 * @param <W> the type of the windows
 */
@Public
public interface Evictor<T, W extends Window> extends Serializable {

    /**
     * Evicts elements before the window function runs.
     *
     * @param elements the window's contents; remove through its iterator
     * @param size the number of elements in {@code elements}
     * @param window the window that fires
     * @param ctx the clocks
     */
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx);

    /** Evicts elements after the window function ran; arguments as {@link #evictBefore}. */
    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx);

    /**
     * The clocks an evictor may read.
     *
     * <p><b>Threading:</b> task thread only, valid during the call that received it.
     */
    @Public
    interface EvictorContext {

        /** @return the current processing time in ms */
        long getCurrentProcessingTime();

        /** @return the current event-time watermark in ms, {@link Long#MIN_VALUE} before the first */
        long getCurrentWatermark();
    }
}
