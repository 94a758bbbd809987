package io.runnel.api.windowing.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void windowStartRoundsDownForPositiveAndNegativeTimestamps() {
        assertEquals(0, TimeWindow.getWindowStartWithOffset(0, 0, 10));
        assertEquals(10, TimeWindow.getWindowStartWithOffset(19, 0, 10));
        assertEquals(-10, TimeWindow.getWindowStartWithOffset(-1, 0, 10));
        assertEquals(-10, TimeWindow.getWindowStartWithOffset(-10, 0, 10));
        assertEquals(-20, TimeWindow.getWindowStartWithOffset(-11, 0, 10));
    }

    @Test
    void windowStartHonoursPositiveAndNegativeOffsets() {
        assertEquals(3, TimeWindow.getWindowStartWithOffset(12, 3, 10));
        assertEquals(-7, TimeWindow.getWindowStartWithOffset(2, 3, 10));
        assertEquals(-3, TimeWindow.getWindowStartWithOffset(5, -3, 10));
        assertEquals(-13, TimeWindow.getWindowStartWithOffset(-4, -3, 10));
        assertEquals(-17, TimeWindow.getWindowStartWithOffset(-12, 3, 10));
    }

    @Test
    void windowStartForEveryTimestampIsWithinOneSizeBelowIt() {
        for (long ts = -50; ts <= 50; ts++) {
            long start = TimeWindow.getWindowStartWithOffset(ts, 4, 7);
            assertTrue(start <= ts && ts < start + 7, "ts " + ts + " start " + start);
            assertEquals(0, Math.floorMod(start - 4, 7));
        }
    }

    @Test
    void windowStartRejectsANonPositiveSize() {
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.getWindowStartWithOffset(1, 0, 0));
    }

    @Test
    void maxTimestampIsTheLastIncludedMillisecond() {
        TimeWindow w = new TimeWindow(-5, 5);
        assertEquals(-5, w.getStart());
        assertEquals(5, w.getEnd());
        assertEquals(4, w.maxTimestamp());
        assertEquals("TimeWindow[-5, 5)", w.toString());
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> new TimeWindow(5, 5));
    }

    @Test
    void equalsAndHashCodeFollowStartAndEnd() {
        assertEquals(new TimeWindow(0, 10), new TimeWindow(0, 10));
        assertEquals(new TimeWindow(0, 10).hashCode(), new TimeWindow(0, 10).hashCode());
        assertNotEquals(new TimeWindow(0, 10), new TimeWindow(0, 11));
        assertNotEquals(new TimeWindow(0, 10), new TimeWindow(1, 10));
        assertEquals(2, Map.of(new TimeWindow(0, 10), 1, new TimeWindow(10, 20), 2).size());
    }

    @Test
    void intersectsIncludesTouchingWindows() {
        TimeWindow w = new TimeWindow(0, 10);
        assertTrue(w.intersects(new TimeWindow(5, 15)));
        assertTrue(w.intersects(new TimeWindow(10, 20)), "touching windows intersect");
        assertTrue(w.intersects(new TimeWindow(-5, 0)));
        assertTrue(w.intersects(new TimeWindow(2, 3)));
        assertFalse(w.intersects(new TimeWindow(11, 20)));
        assertEquals(new TimeWindow(-5, 20), w.cover(new TimeWindow(-5, 20)));
        assertEquals(new TimeWindow(0, 20), w.cover(new TimeWindow(15, 20)));
    }

    private static List<String> merge(TimeWindow... windows) {
        List<String> merges = new ArrayList<>();
        TimeWindow.mergeWindows(List.of(windows), (from, into) -> merges.add(from + " -> " + into));
        return merges;
    }

    @Test
    void mergesOverlappingWindows() {
        assertEquals(List.of("[TimeWindow[0, 10), TimeWindow[5, 15)] -> TimeWindow[0, 15)"),
                merge(new TimeWindow(5, 15), new TimeWindow(0, 10)));
    }

    @Test
    void mergesAdjacentWindows() {
        assertEquals(List.of("[TimeWindow[0, 10), TimeWindow[10, 20)] -> TimeWindow[0, 20)"),
                merge(new TimeWindow(0, 10), new TimeWindow(10, 20)));
    }

    @Test
    void leavesDisjointWindowsAlone() {
        assertEquals(List.of(), merge(new TimeWindow(0, 10), new TimeWindow(11, 20), new TimeWindow(30, 40)));
    }

    @Test
    void mergesChainsAndReportsEachGroupOnce() {
        List<String> merges = merge(new TimeWindow(40, 50), new TimeWindow(0, 10), new TimeWindow(100, 110),
                new TimeWindow(8, 18), new TimeWindow(45, 60), new TimeWindow(16, 20));
        assertEquals(List.of(
                "[TimeWindow[0, 10), TimeWindow[8, 18), TimeWindow[16, 20)] -> TimeWindow[0, 20)",
                "[TimeWindow[40, 50), TimeWindow[45, 60)] -> TimeWindow[40, 60)"), merges);
    }

    @Test
    void mergesAWindowContainedInAnother() {
        assertEquals(List.of("[TimeWindow[0, 100), TimeWindow[10, 20), TimeWindow[90, 120)] -> TimeWindow[0, 120)"),
                merge(new TimeWindow(10, 20), new TimeWindow(90, 120), new TimeWindow(0, 100)));
    }
}
