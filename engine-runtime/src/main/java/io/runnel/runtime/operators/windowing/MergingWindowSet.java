package io.runnel.runtime.operators.windowing;

import io.runnel.api.state.ListState;
import io.runnel.api.windowing.assigners.MergingWindowAssigner;
import io.runnel.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The windows of one key under a merging assigner (sessions), each mapped to the window whose namespace holds its
 * state. When windows merge, the merged window takes over the state namespace of one of the windows it replaces,
 * so only the others' state has to be merged into it (after Flink's {@code MergingWindowSet}).
 *
 * <p>Loaded from a {@link ListState} of (window, state window) pairs for the current key and written back by
 * {@link #persist()}: one read and one write of a single state entry per element, where a map state would scan
 * the key's entries (and, in RocksDB, the tombstones of every window it ever held).
 *
 * <p><b>Threading:</b> task thread only; valid for the key current when it was loaded.
 *
 * @param <W> the window type
 */
final class MergingWindowSet<W extends Window> {

    /** Called when windows merge, before the merge takes effect in the set's mapping. */
    interface MergeFunction<W> {
        /**
         * @param mergeResult the new window
         * @param mergedWindows the windows it replaces (not including {@code mergeResult})
         * @param stateWindowResult the state namespace the new window will use
         * @param mergedStateWindows the state namespaces to merge into {@code stateWindowResult}
         * @throws Exception to fail the task
         */
        void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
                throws Exception;
    }

    private final MergingWindowAssigner<?, W> assigner;
    /** A window and the window whose namespace holds its state. */
    record Mapping<W>(W window, W stateWindow) {
    }

    private final ListState<Mapping<W>> persisted;
    private final Map<W, W> mapping = new HashMap<>();

    MergingWindowSet(MergingWindowAssigner<?, W> assigner, ListState<Mapping<W>> persisted) {
        this.assigner = assigner;
        this.persisted = persisted;
        for (Mapping<W> m : persisted.get()) {
            mapping.put(m.window(), m.stateWindow());
        }
    }

    /** @return the namespace holding {@code window}'s state, or null if the window is not in the set */
    W getStateWindow(W window) {
        return mapping.get(window);
    }

    /** Removes a window whose state has been discarded. */
    void retireWindow(W window) {
        if (mapping.remove(window) == null) {
            throw new IllegalStateException("Window " + window + " is not in the merging window set");
        }
    }

    /**
     * Adds {@code newWindow}, merging it with the windows it overlaps.
     *
     * @return the window that now contains {@code newWindow} (itself or a merge result)
     * @throws Exception from {@code mergeFunction}
     */
    W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
        List<W> windows = new ArrayList<>(mapping.keySet());
        windows.add(newWindow);
        Map<W, Collection<W>> merges = new HashMap<>();
        assigner.mergeWindows(windows, (toBeMerged, mergeResult) ->
                merges.put(mergeResult, new ArrayList<>(toBeMerged)));
        W resultWindow = newWindow;
        boolean newWindowMerged = false;
        for (Map.Entry<W, Collection<W>> merge : merges.entrySet()) {
            W mergeResult = merge.getKey();
            Collection<W> merged = merge.getValue();
            if (merged.remove(newWindow)) {
                newWindowMerged = true;
                resultWindow = mergeResult;
            }
            if (merged.isEmpty()) {
                continue;
            }
            // The merge result inherits the state namespace of one merged window; the others' state moves into it.
            W stateWindowResult = mapping.get(merged.iterator().next());
            List<W> mergedStateWindows = new ArrayList<>();
            for (W w : merged) {
                W stateWindow = mapping.remove(w);
                if (stateWindow != null && !stateWindow.equals(stateWindowResult)) {
                    mergedStateWindows.add(stateWindow);
                }
            }
            mapping.put(mergeResult, stateWindowResult);
            // An existing window that merely absorbs the new one changes nothing that needs merging.
            if (!(merged.contains(mergeResult) && merged.size() == 1)) {
                mergeFunction.merge(mergeResult, merged, stateWindowResult, mergedStateWindows);
            }
        }
        if (!newWindowMerged) {
            mapping.put(newWindow, newWindow);
        }
        return resultWindow;
    }

    /** Writes the mapping back to state for the current key. */
    void persist() {
        List<Mapping<W>> list = new ArrayList<>(mapping.size());
        mapping.forEach((w, s) -> list.add(new Mapping<>(w, s)));
        persisted.update(list);
    }
}
