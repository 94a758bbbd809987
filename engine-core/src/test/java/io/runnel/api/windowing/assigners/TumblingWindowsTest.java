package io.runnel.api.windowing.assigners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.triggers.EventTimeTrigger;
import io.runnel.api.windowing.triggers.ProcessingTimeTrigger;
import io.runnel.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TumblingWindowsTest {

    private static final WindowAssigner.WindowAssignerContext NO_CLOCK = () -> {
        throw new AssertionError("an event-time assigner must not read the clock");
    };

    @Test
    void eventTimeAssignsTheOneWindowHoldingTheTimestamp() {
        TumblingEventTimeWindows assigner = TumblingEventTimeWindows.of(Duration.ofMillis(10));

        assertEquals(List.of(new TimeWindow(0, 10)), assigner.assignWindows("a", 0, NO_CLOCK));
        assertEquals(List.of(new TimeWindow(0, 10)), assigner.assignWindows("a", 9, NO_CLOCK));
        assertEquals(List.of(new TimeWindow(10, 20)), assigner.assignWindows("a", 10, NO_CLOCK));
        assertEquals(List.of(new TimeWindow(-10, 0)), assigner.assignWindows("a", -1, NO_CLOCK));
        assertEquals(List.of(new TimeWindow(-20, -10)), assigner.assignWindows("a", -11, NO_CLOCK));
    }

    @Test
    void eventTimeOffsetShiftsTheGrid() {
        TumblingEventTimeWindows plus = TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(3));
        assertEquals(List.of(new TimeWindow(3, 13)), plus.assignWindows("a", 3, NO_CLOCK));
        assertEquals(List.of(new TimeWindow(-7, 3)), plus.assignWindows("a", 2, NO_CLOCK));
        assertEquals(List.of(new TimeWindow(-17, -7)), plus.assignWindows("a", -8, NO_CLOCK));

        TumblingEventTimeWindows minus = TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(-3));
        assertEquals(List.of(new TimeWindow(-3, 7)), minus.assignWindows("a", 6, NO_CLOCK));
        assertEquals(List.of(new TimeWindow(7, 17)), minus.assignWindows("a", 7, NO_CLOCK));
        assertEquals(-3, minus.getOffset());
    }

    @Test
    void hourlyWindowsWithATimeZoneOffset() {
        TumblingEventTimeWindows hourly = TumblingEventTimeWindows.of(Duration.ofHours(1), Duration.ofMinutes(-15));
        long tenPast = Duration.ofHours(5).plusMinutes(10).toMillis();
        TimeWindow w = hourly.assignWindows("a", tenPast, NO_CLOCK).iterator().next();
        assertEquals(Duration.ofHours(4).plusMinutes(45).toMillis(), w.getStart());
        assertEquals(Duration.ofHours(5).plusMinutes(45).toMillis(), w.getEnd());
    }

    @Test
    void eventTimeRejectsRecordsWithoutTimestamp() {
        TumblingEventTimeWindows assigner = TumblingEventTimeWindows.of(Duration.ofSeconds(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> assigner.assignWindows("a", Long.MIN_VALUE, NO_CLOCK));
        assertTrue(e.getMessage().contains("timestamps and watermarks"), e.getMessage());
    }

    @Test
    void processingTimeUsesTheClockNotTheTimestamp() {
        TumblingProcessingTimeWindows assigner = TumblingProcessingTimeWindows.of(Duration.ofSeconds(1));
        assertEquals(List.of(new TimeWindow(2000, 3000)), assigner.assignWindows("a", Long.MIN_VALUE, () -> 2999));
        assertEquals(List.of(new TimeWindow(2000, 3000)), assigner.assignWindows("a", 1, () -> 2000));
        assertFalse(assigner.isEventTime());
        assertSame(ProcessingTimeTrigger.create(), assigner.getDefaultTrigger());
    }

    @Test
    void describesItself() {
        TumblingEventTimeWindows assigner = TumblingEventTimeWindows.of(Duration.ofSeconds(5), Duration.ofSeconds(1));
        assertEquals(5000, assigner.getSize());
        assertEquals(1000, assigner.getOffset());
        assertTrue(assigner.isEventTime());
        assertSame(EventTimeTrigger.create(), assigner.getDefaultTrigger());
        assertSame(TimeWindow.Serializer.INSTANCE, assigner.getWindowSerializer());
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        assertMessage("size", () -> TumblingEventTimeWindows.of(Duration.ZERO));
        assertMessage("size", () -> TumblingProcessingTimeWindows.of(Duration.ofMillis(-1)));
        assertMessage("size", () -> TumblingEventTimeWindows.of(null));
        assertMessage("size", () -> TumblingEventTimeWindows.of(Duration.ofNanos(999)));
        assertMessage("offset", () -> TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(10)));
        assertMessage("offset", () -> TumblingProcessingTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(-10)));
        assertMessage("offset", () -> TumblingEventTimeWindows.of(Duration.ofMillis(10), null));
    }

    static void assertMessage(String argument, Runnable factory) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, factory::run);
        assertTrue(e.getMessage().contains(argument), e.getMessage());
    }
}
