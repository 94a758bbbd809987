package io.runnel.api.windowing.assigners;

import static io.runnel.api.windowing.assigners.TumblingWindowsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.triggers.EventTimeTrigger;
import io.runnel.api.windowing.triggers.ProcessingTimeTrigger;
import io.runnel.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionWindowsTest {

    private static final WindowAssigner.WindowAssignerContext NO_CLOCK = () -> {
        throw new AssertionError("an event-time assigner must not read the clock");
    };

    private final EventTimeSessionWindows sessions = EventTimeSessionWindows.withGap(Duration.ofMillis(10));

    @Test
    void eachElementStartsItsOwnWindowOfOneGap() {
        assertEquals(List.of(new TimeWindow(7, 17)), sessions.assignWindows("a", 7, NO_CLOCK));
        assertEquals(List.of(new TimeWindow(-7, 3)), sessions.assignWindows("a", -7, NO_CLOCK));
        assertEquals(10, sessions.getGap());
        assertTrue(sessions.isEventTime());
        assertSame(EventTimeTrigger.create(), sessions.getDefaultTrigger());
    }

    private Map<TimeWindow, List<TimeWindow>> merge(TimeWindow... windows) {
        Map<TimeWindow, List<TimeWindow>> merges = new HashMap<>();
        sessions.mergeWindows(List.of(windows), (from, into) -> merges.put(into, new ArrayList<>(from)));
        return merges;
    }

    @Test
    void mergesOverlappingSessions() {
        TimeWindow a = new TimeWindow(0, 10);
        TimeWindow b = new TimeWindow(4, 14);
        assertEquals(Map.of(new TimeWindow(0, 14), List.of(a, b)), merge(b, a));
    }

    @Test
    void mergesAdjacentSessions() {
        TimeWindow a = new TimeWindow(0, 10);
        TimeWindow b = new TimeWindow(10, 20);
        assertEquals(Map.of(new TimeWindow(0, 20), List.of(a, b)), merge(a, b));
    }

    @Test
    void keepsDisjointSessionsApart() {
        assertEquals(Map.of(), merge(new TimeWindow(0, 10), new TimeWindow(11, 21)));
    }

    @Test
    void anElementInTheGapBridgesTwoSessions() {
        TimeWindow a = new TimeWindow(0, 10);
        TimeWindow c = new TimeWindow(16, 26);
        TimeWindow bridge = sessions.assignWindows("b", 8, NO_CLOCK).iterator().next();
        assertEquals(Map.of(new TimeWindow(0, 26), List.of(a, bridge, c)), merge(c, a, bridge));
    }

    @Test
    void processingTimeSessionsStartAtTheClock() {
        ProcessingTimeSessionWindows assigner = ProcessingTimeSessionWindows.withGap(Duration.ofSeconds(30));
        assertEquals(List.of(new TimeWindow(1_000, 31_000)), assigner.assignWindows("a", 5, () -> 1_000));
        assertFalse(assigner.isEventTime());
        assertSame(ProcessingTimeTrigger.create(), assigner.getDefaultTrigger());

        List<TimeWindow> merged = new ArrayList<>();
        assigner.mergeWindows(List.of(new TimeWindow(0, 30_000), new TimeWindow(20_000, 50_000)),
                (from, into) -> merged.add(into));
        assertEquals(List.of(new TimeWindow(0, 50_000)), merged);
    }

    @Test
    void eventTimeRejectsRecordsWithoutTimestamp() {
        assertThrows(IllegalStateException.class, () -> sessions.assignWindows("a", Long.MIN_VALUE, NO_CLOCK));
    }

    @Test
    void rejectsANonPositiveGap() {
        assertMessage("gap", () -> EventTimeSessionWindows.withGap(Duration.ZERO));
        assertMessage("gap", () -> ProcessingTimeSessionWindows.withGap(Duration.ofSeconds(-1)));
        assertMessage("gap", () -> EventTimeSessionWindows.withGap(null));
    }
}
