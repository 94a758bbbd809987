package io.runnel.runtime.operators.windowing;

import io.runnel.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event-time tumbling windows of a {@link SlicingWindowOperator} that have content in some key: what the
 * per-key timers would say, reduced to one entry per window. The keys need no list of their own: firing a window
 * drains its entries from the state (see {@link io.runnel.state.NamespaceDrainableState}), which finds them.
 *
 * <p>Held in memory only: it is derived from the window state, so after a restore the operator rebuilds it from
 * the state's namespaces and nothing is written into snapshots.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class PendingWindows {

    /** Pending windows by start. Owner: task thread. */
    private final TreeMap<Long, TimeWindow> byStart = new TreeMap<>();
    /** The window last added, to skip the tree for the common case. Owner: task thread. */
    private TimeWindow last;

    /** Records that some key has content in {@code window}; idempotent. */
    void add(TimeWindow window) {
        if (last == null || last.getStart() != window.getStart()) {
            last = byStart.computeIfAbsent(window.getStart(), start -> window);
        }
    }

    /**
     * @return the pending windows whose max timestamp is at or before {@code watermark}, in start order, removed;
     *     empty if none
     */
    List<TimeWindow> pollDue(long watermark) {
        List<TimeWindow> due = new ArrayList<>();
        Map.Entry<Long, TimeWindow> first;
        while ((first = byStart.firstEntry()) != null && first.getValue().maxTimestamp() <= watermark) {
            byStart.pollFirstEntry();
            if (last == first.getValue()) {
                last = null;
            }
            due.add(first.getValue());
        }
        return due;
    }

    /** @return the number of pending windows */
    int size() {
        return byStart.size();
    }
}
