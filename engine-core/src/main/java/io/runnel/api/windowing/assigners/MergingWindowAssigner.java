package io.runnel.api.windowing.assigners;

import io.runnel.annotation.Public;
import io.runnel.api.windowing.windows.Window;
import java.util.Collection;

/**
 * A window assigner whose windows can grow together, as session windows do: after assigning an element's window,
 * the window operator asks the assigner to merge it with the key's other windows. Follows Flink's
 * {@code MergingWindowAssigner}.
 *
 * <p><b>Threading:</b> as {@link WindowAssigner}.
 *
 * @param <T> the type of the elements assigned
 * @param <W> the type of the windows
 */
@Public
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

    private static final long serialVersionUID = 1L;

    /**
     * Finds which of {@code windows} merge and reports each group of two or more to {@code callback}, once per
     * group; a window that merges with no other is not reported.
     *
     * @param windows the current windows of one key; not modified
     * @param callback receives each group and the window it merges into
     */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /**
     * Receives the result of {@link #mergeWindows}.
     *
     * <p><b>Threading:</b> called on the thread that called {@code mergeWindows}, during that call.
     *
     * @param <W> the type of the windows
     */
    @Public
    @FunctionalInterface
    public interface MergeCallback<W> {

        /**
         * @param toBeMerged the windows that merge, at least two
         * @param mergeResult the window they become; may equal one of {@code toBeMerged}
         */
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
