package io.runnel.api.windowing.windows;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.assigners.MergingWindowAssigner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The window of the timestamps in {@code [start, end)}, in ms. Tumbling, sliding and session windows are time
 * windows. Follows Flink's {@code TimeWindow}.
 *
 * <p><b>Contract:</b> {@code start < end}; {@code maxTimestamp() == end - 1}. Two windows are equal when their
 * start and end are.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class TimeWindow extends Window {

    private final long start;
    private final long end;

    /**
     * @param start the first timestamp of the window, inclusive, in ms
     * @param end the end of the window, exclusive, in ms
     * @throws IllegalArgumentException if {@code end <= start}
     */
    public TimeWindow(long start, long end) {
        if (end <= start) {
            throw new IllegalArgumentException("a TimeWindow needs start < end, got [" + start + ", " + end + ")");
        }
        this.start = start;
        this.end = end;
    }

    /** @return the first timestamp of the window, inclusive, in ms */
    public long getStart() {
        return start;
    }

    /** @return the end of the window, exclusive, in ms */
    public long getEnd() {
        return end;
    }

    /** @return {@code end - 1}: the last timestamp in the window, in ms */
    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /**
     * Says whether two windows overlap or touch. Touching counts ({@code [0, 5)} and {@code [5, 10)} intersect) so
     * that session windows whose gaps just meet merge into one session, as in Flink.
     *
     * @return {@code start <= other.end && end >= other.start}
     */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** @return the smallest window that contains both this window and {@code other} */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * Computes the start of the window of length {@code windowSize} that holds {@code timestamp}, where windows
     * start at {@code offset + k * windowSize} for every integer k. Correct for negative timestamps and offsets:
     * {@code getWindowStartWithOffset(-1, 0, 10) == -10}.
     *
     * @param timestamp the timestamp to place, in ms
     * @param offset the shift of the window grid against the epoch, in ms; any value, taken modulo the size
     * @param windowSize the window length in ms, {@code > 0}
     * @return the largest {@code s <= timestamp} with {@code (s - offset) mod windowSize == 0}
     * @throws IllegalArgumentException if {@code windowSize <= 0}
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        if (windowSize <= 0) {
            throw new IllegalArgumentException("windowSize must be > 0 ms, got " + windowSize);
        }
        // floorMod, not %, so that timestamps before the epoch round down rather than towards zero.
        return timestamp - Math.floorMod(timestamp - offset, windowSize);
    }

    /**
     * Merges intersecting windows (see {@link #intersects}): sorts them by start, joins each run of windows that
     * intersect the run's cover so far, and reports every run of two or more windows to {@code callback} with its
     * cover. A window that intersects no other is not reported.
     *
     * @param windows the windows to merge; not modified
     * @param callback receives each group of at least two windows and the window they merge into
     */
    public static void mergeWindows(
            Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::getStart));
        List<TimeWindow> group = new ArrayList<>();
        TimeWindow cover = null;
        for (TimeWindow window : sorted) {
            if (cover != null && cover.intersects(window)) {
                group.add(window);
                cover = cover.cover(window);
                continue;
            }
            reportGroup(group, cover, callback);
            group = new ArrayList<>();
            group.add(window);
            cover = window;
        }
        reportGroup(group, cover, callback);
    }

    private static void reportGroup(
            List<TimeWindow> group, TimeWindow cover, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        if (group.size() > 1) {
            callback.merge(group, cover);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow other && other.start == start && other.end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "TimeWindow[" + start + ", " + end + ")";
    }

    /**
     * Serializes a {@link TimeWindow} as two longs, start then end (16 bytes).
     *
     * <p><b>Threading:</b> stateless; share {@link #INSTANCE}.
     */
    @Public
    public static final class Serializer extends TypeSerializer<TimeWindow> {

        private static final long serialVersionUID = 1L;

        /** The shared instance. */
        public static final Serializer INSTANCE = new Serializer();

        @Override
        public void serialize(TimeWindow value, DataOutputView out) throws IOException {
            out.writeLong(value.start);
            out.writeLong(value.end);
        }

        /** @throws IOException also if the bytes hold {@code end <= start}, which no serialized window has */
        @Override
        public TimeWindow deserialize(DataInputView in) throws IOException {
            long start = in.readLong();
            long end = in.readLong();
            if (end <= start) {
                throw new IOException("corrupt TimeWindow bytes: [" + start + ", " + end + ")");
            }
            return new TimeWindow(start, end);
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }
}
