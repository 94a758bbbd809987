package io.runnel.api.windowing.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContinuousEventTimeTriggerTest {

    private final ContinuousEventTimeTrigger<TimeWindow> trigger = ContinuousEventTimeTrigger.of(Duration.ofMillis(10));
    private final TimeWindow window = new TimeWindow(0, 100);
    private final TestingTriggerContext ctx = new TestingTriggerContext().window(window);

    @Test
    void firstElementSchedulesTheEndOfItsIntervalSlotAndTheWindowEnd() {
        assertEquals(TriggerResult.CONTINUE, trigger.onElement("a", 13, window, ctx));
        assertEquals(TriggerResult.CONTINUE, trigger.onElement("b", 47, window, ctx));

        assertEquals(Set.of(20L, 99L), ctx.eventTimers(window), "the second element adds no fire time");
    }

    @Test
    void firesEveryIntervalUntilTheWindowEnd() {
        trigger.onElement("a", 13, window, ctx);

        List<Long> fired = new ArrayList<>();
        while (!ctx.eventTimers(window).isEmpty()) {
            long time = ctx.eventTimers(window).pollFirst();
            ctx.deleteEventTimeTimer(time);
            ctx.watermark(time);
            if (trigger.onEventTime(time, window, ctx).isFire()) {
                fired.add(time);
            }
        }

        assertEquals(List.of(20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 99L), fired);
    }

    @Test
    void ignoresTimesThatAreNotItsPendingFire() {
        trigger.onElement("a", 13, window, ctx);
        assertEquals(TriggerResult.CONTINUE, trigger.onEventTime(25, window, ctx));
        assertEquals(TriggerResult.CONTINUE, trigger.onProcessingTime(20, window, ctx));
    }

    @Test
    void alignsNegativeTimestampsDownwards() {
        TimeWindow before = new TimeWindow(-100, 0);
        trigger.onElement("a", -13, before, ctx.window(before));
        assertEquals(Set.of(-10L, -1L), ctx.eventTimers(before));
    }

    @Test
    void firesAtOnceForAnElementAfterTheWindowEnd() {
        ctx.watermark(100);
        assertEquals(TriggerResult.FIRE, trigger.onElement("late", 13, window, ctx));
    }

    @Test
    void rejectsElementsWithoutTimestamp() {
        assertThrows(IllegalStateException.class, () -> trigger.onElement("a", Long.MIN_VALUE, window, ctx));
    }

    @Test
    void mergedWindowKeepsTheEarliestPendingFire() {
        TimeWindow a = new TimeWindow(0, 30);
        TimeWindow b = new TimeWindow(25, 60);
        trigger.onElement("x", 5, a, ctx.window(a));
        trigger.onElement("y", 41, b, ctx.window(b));

        TimeWindow merged = new TimeWindow(0, 60);
        trigger.onMerge(merged, ctx.merging(List.of(a, b), merged));

        assertEquals(Set.of(10L, 59L), ctx.eventTimers(merged));
        assertEquals(TriggerResult.FIRE, trigger.onEventTime(10, merged, ctx.window(merged)));
    }

    @Test
    void clearDeletesTimersAndState() {
        trigger.onElement("a", 13, window, ctx);
        trigger.clear(window, ctx);
        assertTrue(ctx.eventTimers(window).isEmpty());
        assertTrue(ctx.stateNames(window).isEmpty());
    }

    @Test
    void rejectsANonPositiveInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContinuousEventTimeTrigger.of(Duration.ZERO));
        assertTrue(e.getMessage().contains("interval"), e.getMessage());
    }
}
