package io.runnel.runtime.operators.windowing;

import io.runnel.api.windowing.windows.TimeWindow;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event-time tumbling windows of a {@link SlicingWindowOperator} that have content, each with the keys that
 * have content in it: what per-key timers would hold, kept as one append-only list of keys per window instead of
 * one queued timer per (key, window). Registering is an append; firing a window walks its keys in key-group order,
 * so the state of one key group is visited together (as Flink fires equal-time timers key group by key group).
 *
 * <p>Held in memory only: it is derived from the window state, so after a restore the operator rebuilds it from
 * the state's (key, namespace) pairs and nothing is written into snapshots.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 */
final class PendingWindows<K> {

    /** Pending windows by start. Owner: task thread. */
    private final TreeMap<Long, Keys> byStart = new TreeMap<>();
    /** The window last added to, to skip the tree for the common case. Owner: task thread. */
    private Keys last;

    /**
     * Records that {@code key} (in {@code keyGroup}) has content in {@code window}; called once per (key, window)
     * with the window the content was written under.
     */
    void add(TimeWindow window, Object key, int keyGroup) {
        Keys keys = last;
        if (keys == null || keys.window.getStart() != window.getStart()) {
            keys = byStart.computeIfAbsent(window.getStart(), start -> new Keys(window));
            last = keys;
        }
        keys.add(key, keyGroup);
    }

    /** @return the earliest pending window whose max timestamp is at or before {@code watermark}, removed; or null */
    Keys pollDue(long watermark) {
        Map.Entry<Long, Keys> first = byStart.firstEntry();
        if (first == null || first.getValue().window.maxTimestamp() > watermark) {
            return null;
        }
        byStart.pollFirstEntry();
        if (last == first.getValue()) {
            last = null;
        }
        return first.getValue();
    }

    /** @return the number of pending windows */
    int size() {
        return byStart.size();
    }

    /** One window and its keys, in the order they were added. Threading: task thread only. */
    static final class Keys {
        private final TimeWindow window;
        private Object[] keys = new Object[16];
        private int[] keyGroups = new int[16];
        private int size;

        Keys(TimeWindow window) {
            this.window = window;
        }

        TimeWindow window() {
            return window;
        }

        void add(Object key, int keyGroup) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                keyGroups = Arrays.copyOf(keyGroups, size * 2);
            }
            keys[size] = key;
            keyGroups[size] = keyGroup;
            size++;
        }

        /** @return the keys ordered by key group, in insertion order within a group (a counting sort) */
        Object[] inKeyGroupOrder() {
            if (size == 0) {
                return new Object[0];
            }
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                min = Math.min(min, keyGroups[i]);
                max = Math.max(max, keyGroups[i]);
            }
            int[] next = new int[max - min + 2];
            for (int i = 0; i < size; i++) {
                next[keyGroups[i] - min + 1]++;
            }
            for (int g = 1; g < next.length; g++) {
                next[g] += next[g - 1];
            }
            Object[] ordered = new Object[size];
            for (int i = 0; i < size; i++) {
                ordered[next[keyGroups[i] - min]++] = keys[i];
            }
            return ordered;
        }
    }
}
