package io.runnel.api.windowing.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.windows.TimeWindow;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessingTimeTriggerTest {

    private final ProcessingTimeTrigger trigger = ProcessingTimeTrigger.create();
    private final TimeWindow window = new TimeWindow(1000, 2000);
    private final TestingTriggerContext ctx = new TestingTriggerContext().window(window).processingTime(1500);

    @Test
    void registersProcessingTimerAtWindowEnd() {
        assertEquals(TriggerResult.CONTINUE, trigger.onElement("a", Long.MIN_VALUE, window, ctx));
        assertEquals(Set.of(1999L), ctx.processingTimers(window));
        assertTrue(ctx.eventTimers(window).isEmpty());
    }

    @Test
    void firesOnProcessingTimeAndIgnoresEventTime() {
        assertEquals(TriggerResult.FIRE, trigger.onProcessingTime(1999, window, ctx));
        assertEquals(TriggerResult.CONTINUE, trigger.onEventTime(1999, window, ctx));
    }

    @Test
    void onMergeRegistersTheMergedEndOnlyIfStillAhead() {
        TimeWindow merged = new TimeWindow(1000, 2500);
        trigger.onMerge(merged, ctx.merging(List.of(window, new TimeWindow(1900, 2500)), merged));
        assertEquals(Set.of(2499L), ctx.processingTimers(merged));

        TimeWindow passed = new TimeWindow(1000, 1200);
        trigger.onMerge(passed, ctx.merging(List.of(), passed));
        assertTrue(ctx.processingTimers(passed).isEmpty(), "clock 1500 is past 1199");
    }

    @Test
    void clearDeletesTheTimer() {
        trigger.onElement("a", 0, window, ctx);
        trigger.clear(window, ctx);
        assertTrue(ctx.processingTimers(window).isEmpty());
    }
}
