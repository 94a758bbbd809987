package io.runnel.api.windowing.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.windows.GlobalWindow;
import io.runnel.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContinuousProcessingTimeTriggerTest {

    private final ContinuousProcessingTimeTrigger<TimeWindow> trigger =
            ContinuousProcessingTimeTrigger.of(Duration.ofMillis(10));
    private final TimeWindow window = new TimeWindow(0, 35);
    private final TestingTriggerContext ctx = new TestingTriggerContext().window(window);

    @Test
    void firesEveryIntervalAndLastAtTheWindowEnd() {
        ctx.processingTime(3);
        assertEquals(TriggerResult.CONTINUE, trigger.onElement("a", Long.MIN_VALUE, window, ctx));
        ctx.processingTime(7);
        trigger.onElement("b", Long.MIN_VALUE, window, ctx);
        assertEquals(Set.of(10L), ctx.processingTimers(window));

        List<Long> fired = new ArrayList<>();
        while (!ctx.processingTimers(window).isEmpty()) {
            long time = ctx.processingTimers(window).pollFirst();
            ctx.deleteProcessingTimeTimer(time);
            ctx.processingTime(time);
            if (trigger.onProcessingTime(time, window, ctx).isFire()) {
                fired.add(time);
            }
        }

        assertEquals(List.of(10L, 20L, 30L, 34L), fired, "no timer is left after the fire at the end");
    }

    @Test
    void keepsFiringForTheGlobalWindow() {
        ContinuousProcessingTimeTrigger<GlobalWindow> global = ContinuousProcessingTimeTrigger.of(Duration.ofSeconds(1));
        GlobalWindow w = GlobalWindow.get();
        ctx.window(w).processingTime(1_500);
        global.onElement("a", 0, w, ctx);

        assertEquals(TriggerResult.FIRE, global.onProcessingTime(2_000, w, ctx));
        assertEquals(Set.of(2_000L, 3_000L), ctx.processingTimers(w), "the fired timer is the runtime's to drop");
    }

    @Test
    void ignoresEventTimeAndOtherTimes() {
        ctx.processingTime(3);
        trigger.onElement("a", 0, window, ctx);
        assertEquals(TriggerResult.CONTINUE, trigger.onProcessingTime(15, window, ctx));
        assertEquals(TriggerResult.CONTINUE, trigger.onEventTime(10, window, ctx));
    }

    @Test
    void mergedWindowKeepsTheEarliestPendingFire() {
        TimeWindow a = new TimeWindow(0, 100);
        TimeWindow b = new TimeWindow(50, 200);
        trigger.onElement("x", 0, a, ctx.window(a).processingTime(3));
        trigger.onElement("y", 0, b, ctx.window(b).processingTime(52));

        TimeWindow merged = new TimeWindow(0, 200);
        trigger.onMerge(merged, ctx.merging(List.of(a, b), merged));
        assertEquals(Set.of(10L), ctx.processingTimers(merged));
    }

    @Test
    void clearDeletesTimerAndState() {
        trigger.onElement("a", 0, window, ctx.processingTime(3));
        trigger.clear(window, ctx);
        assertTrue(ctx.processingTimers(window).isEmpty());
        assertTrue(ctx.stateNames(window).isEmpty());
    }

    @Test
    void rejectsANullInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContinuousProcessingTimeTrigger.of(null));
        assertTrue(e.getMessage().contains("interval"), e.getMessage());
    }
}
