package io.runnel.api.windowing.assigners;

import static io.runnel.api.windowing.assigners.TumblingWindowsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlidingWindowsTest {

    private static final WindowAssigner.WindowAssignerContext NO_CLOCK = () -> {
        throw new AssertionError("an event-time assigner must not read the clock");
    };

    @Test
    void assignsEveryWindowThatHoldsTheTimestamp() {
        SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5));

        assertEquals(Set.of(new TimeWindow(0, 10), new TimeWindow(5, 15)),
                Set.copyOf(assigner.assignWindows("a", 7, NO_CLOCK)));
        assertEquals(Set.of(new TimeWindow(-10, 0), new TimeWindow(-5, 5)),
                Set.copyOf(assigner.assignWindows("a", -3, NO_CLOCK)));
        assertEquals(Set.of(new TimeWindow(-5, 5), new TimeWindow(0, 10)),
                Set.copyOf(assigner.assignWindows("a", 0, NO_CLOCK)));
    }

    @Test
    void elementIsInSizeOverSlideWindowsEachHoldingIt() {
        SlidingEventTimeWindows assigner =
                SlidingEventTimeWindows.of(Duration.ofMillis(60), Duration.ofMillis(15), Duration.ofMillis(4));
        for (long ts = -100; ts <= 100; ts += 7) {
            Collection<TimeWindow> windows = assigner.assignWindows("a", ts, NO_CLOCK);
            assertEquals(4, windows.size(), "60 / 15 windows for ts " + ts);
            for (TimeWindow w : windows) {
                assertTrue(w.getStart() <= ts && ts < w.getEnd(), w + " holds " + ts);
                assertEquals(60, w.getEnd() - w.getStart());
                assertEquals(0, Math.floorMod(w.getStart() - 4, 15), w + " starts on the offset grid");
            }
        }
    }

    @Test
    void slideLargerThanSizeLeavesGaps() {
        SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(Duration.ofMillis(5), Duration.ofMillis(10));
        assertEquals(List.of(new TimeWindow(10, 15)), List.copyOf(assigner.assignWindows("a", 12, NO_CLOCK)));
        assertTrue(assigner.assignWindows("a", 17, NO_CLOCK).isEmpty());
    }

    @Test
    void negativeOffsetShiftsTheStarts() {
        SlidingEventTimeWindows assigner =
                SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5), Duration.ofMillis(-2));
        assertEquals(Set.of(new TimeWindow(-2, 8), new TimeWindow(3, 13)),
                Set.copyOf(assigner.assignWindows("a", 4, NO_CLOCK)));
    }

    @Test
    void processingTimeUsesTheClock() {
        SlidingProcessingTimeWindows assigner =
                SlidingProcessingTimeWindows.of(Duration.ofSeconds(3), Duration.ofSeconds(1));
        assertEquals(Set.of(new TimeWindow(3000, 6000), new TimeWindow(4000, 7000), new TimeWindow(5000, 8000)),
                Set.copyOf(assigner.assignWindows("a", Long.MIN_VALUE, () -> 5500)));
        assertFalse(assigner.isEventTime());
    }

    @Test
    void exposesSizeSlideAndOffsetInMillis() {
        SlidingProcessingTimeWindows assigner = SlidingProcessingTimeWindows.of(
                Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(-5));
        assertEquals(60_000, assigner.getSize());
        assertEquals(10_000, assigner.getSlide());
        assertEquals(-5_000, assigner.getOffset());
    }

    @Test
    void eventTimeRejectsRecordsWithoutTimestamp() {
        SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5));
        assertThrows(IllegalStateException.class, () -> assigner.assignWindows("a", Long.MIN_VALUE, NO_CLOCK));
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        Duration ten = Duration.ofMillis(10);
        assertMessage("size", () -> SlidingEventTimeWindows.of(Duration.ZERO, ten));
        assertMessage("slide", () -> SlidingEventTimeWindows.of(ten, Duration.ZERO));
        assertMessage("slide", () -> SlidingProcessingTimeWindows.of(ten, Duration.ofMillis(-5)));
        assertMessage("offset", () -> SlidingEventTimeWindows.of(ten, Duration.ofMillis(5), Duration.ofMillis(5)));
        assertMessage("offset", () -> SlidingProcessingTimeWindows.of(ten, Duration.ofMillis(5), Duration.ofMillis(-6)));
    }
}
