package io.runnel.api.windowing.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.windows.TimeWindow;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTimeTriggerTest {

    private final EventTimeTrigger trigger = EventTimeTrigger.create();
    private final TimeWindow window = new TimeWindow(0, 100);
    private final TestingTriggerContext ctx = new TestingTriggerContext().window(window);

    @Test
    void registersTimerAtWindowEndAndContinuesWhileWatermarkIsBefore() {
        ctx.watermark(50);

        assertEquals(TriggerResult.CONTINUE, trigger.onElement("a", 10, window, ctx));
        assertEquals(Set.of(99L), ctx.eventTimers(window));
        assertTrue(ctx.processingTimers(window).isEmpty());
    }

    @Test
    void firesAtOnceForAnElementArrivingAfterTheWatermarkPassedTheEnd() {
        ctx.watermark(99);

        assertEquals(TriggerResult.FIRE, trigger.onElement("late", 10, window, ctx));
        assertTrue(ctx.eventTimers(window).isEmpty(), "no timer for a window that already fired");
    }

    @Test
    void firesOnlyForTheTimerAtTheWindowEnd() {
        assertEquals(TriggerResult.FIRE, trigger.onEventTime(99, window, ctx));
        assertEquals(TriggerResult.CONTINUE, trigger.onEventTime(50, window, ctx));
        assertEquals(TriggerResult.CONTINUE, trigger.onProcessingTime(99, window, ctx));
    }

    @Test
    void onMergeRegistersTheMergedEndOnlyIfStillAhead() {
        TimeWindow merged = new TimeWindow(0, 200);
        assertTrue(trigger.canMerge());

        trigger.onMerge(merged, ctx.merging(List.of(window, new TimeWindow(150, 200)), merged).watermark(120));
        assertEquals(Set.of(199L), ctx.eventTimers(merged));

        TimeWindow passed = new TimeWindow(0, 110);
        trigger.onMerge(passed, ctx.merging(List.of(window, new TimeWindow(105, 110)), passed));
        assertTrue(ctx.eventTimers(passed).isEmpty(), "watermark 120 is past 109");
    }

    @Test
    void clearDeletesTheTimer() {
        trigger.onElement("a", 10, window, ctx);
        trigger.clear(window, ctx);
        assertTrue(ctx.eventTimers(window).isEmpty());
    }
}
