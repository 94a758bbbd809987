package io.runnel.api.windowing.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.windows.GlobalWindow;
import io.runnel.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountTriggerTest {

    private final TestingTriggerContext ctx = new TestingTriggerContext();

    @Test
    void firesEveryMaxCountElementsAndRestartsTheCount() {
        CountTrigger<GlobalWindow> trigger = CountTrigger.of(3);
        GlobalWindow window = GlobalWindow.get();
        ctx.window(window);

        List<TriggerResult> results = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            results.add(trigger.onElement(i, i, window, ctx));
        }

        TriggerResult c = TriggerResult.CONTINUE;
        TriggerResult f = TriggerResult.FIRE;
        assertEquals(List.of(c, c, f, c, c, f, c), results);
        assertTrue(ctx.eventTimers(window).isEmpty() && ctx.processingTimers(window).isEmpty());
    }

    @Test
    void countsEachWindowSeparately() {
        CountTrigger<TimeWindow> trigger = CountTrigger.of(2);
        TimeWindow a = new TimeWindow(0, 10);
        TimeWindow b = new TimeWindow(10, 20);

        assertEquals(TriggerResult.CONTINUE, trigger.onElement("x", 1, a, ctx.window(a)));
        assertEquals(TriggerResult.CONTINUE, trigger.onElement("y", 11, b, ctx.window(b)));
        assertEquals(TriggerResult.FIRE, trigger.onElement("z", 2, a, ctx.window(a)));
    }

    @Test
    void mergedWindowAddsUpTheCounts() {
        CountTrigger<TimeWindow> trigger = CountTrigger.of(4);
        TimeWindow a = new TimeWindow(0, 10);
        TimeWindow b = new TimeWindow(5, 15);
        trigger.onElement("x", 1, a, ctx.window(a));
        trigger.onElement("y", 2, a, ctx.window(a));
        trigger.onElement("z", 6, b, ctx.window(b));

        TimeWindow merged = new TimeWindow(0, 15);
        assertTrue(trigger.canMerge());
        trigger.onMerge(merged, ctx.merging(List.of(a, b), merged));

        assertEquals(TriggerResult.FIRE, trigger.onElement("w", 7, merged, ctx.window(merged)), "2 + 1 + 1 = 4");
    }

    @Test
    void clearDropsTheCount() {
        CountTrigger<GlobalWindow> trigger = CountTrigger.of(2);
        GlobalWindow window = GlobalWindow.get();
        trigger.onElement("x", 1, window, ctx.window(window));
        trigger.clear(window, ctx);

        assertTrue(ctx.stateNames(window).isEmpty());
        assertEquals(TriggerResult.CONTINUE, trigger.onElement("y", 2, window, ctx));
    }

    @Test
    void timersNeverFire() {
        CountTrigger<GlobalWindow> trigger = CountTrigger.of(1);
        assertEquals(TriggerResult.CONTINUE, trigger.onEventTime(5, GlobalWindow.get(), ctx));
        assertEquals(TriggerResult.CONTINUE, trigger.onProcessingTime(5, GlobalWindow.get(), ctx));
    }

    @Test
    void rejectsANonPositiveCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CountTrigger.of(0));
        assertTrue(e.getMessage().contains("maxCount"), e.getMessage());
    }
}
