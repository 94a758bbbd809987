package io.runnel.api.windowing.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.windows.GlobalWindow;
import io.runnel.api.windowing.windows.TimeWindow;
import io.runnel.api.windowing.windows.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgingTriggerTest {

    private final TestingTriggerContext ctx = new TestingTriggerContext();

    /** Returns a fixed result from every callback and cannot merge. */
    private static final class FixedTrigger extends Trigger<Object, Window> {
        private final TriggerResult result;

        FixedTrigger(TriggerResult result) {
            this.result = result;
        }

        @Override
        public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
            return result;
        }

        @Override
        public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
            return result;
        }

        @Override
        public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
            return result;
        }

        @Override
        public void clear(Window window, TriggerContext ctx) {
        }
    }

    @Test
    void turnsFireIntoFireAndPurgeOnEveryCallback() throws Exception {
        PurgingTrigger<Object, Window> trigger = PurgingTrigger.of(new FixedTrigger(TriggerResult.FIRE));
        Window w = GlobalWindow.get();

        assertEquals(TriggerResult.FIRE_AND_PURGE, trigger.onElement("a", 1, w, ctx.window(w)));
        assertEquals(TriggerResult.FIRE_AND_PURGE, trigger.onEventTime(1, w, ctx));
        assertEquals(TriggerResult.FIRE_AND_PURGE, trigger.onProcessingTime(1, w, ctx));
    }

    @Test
    void passesOtherResultsThrough() throws Exception {
        Window w = GlobalWindow.get();
        for (TriggerResult r : List.of(TriggerResult.CONTINUE, TriggerResult.PURGE, TriggerResult.FIRE_AND_PURGE)) {
            assertEquals(r, PurgingTrigger.of(new FixedTrigger(r)).onElement("a", 1, w, ctx.window(w)));
        }
    }

    @Test
    void purgesEachCountFire() throws Exception {
        PurgingTrigger<Object, GlobalWindow> trigger = PurgingTrigger.of(CountTrigger.of(2));
        GlobalWindow w = GlobalWindow.get();
        ctx.window(w);

        assertEquals(TriggerResult.CONTINUE, trigger.onElement("a", 1, w, ctx));
        assertEquals(TriggerResult.FIRE_AND_PURGE, trigger.onElement("b", 2, w, ctx));
    }

    @Test
    void delegatesMergingAndClear() throws Exception {
        PurgingTrigger<Object, TimeWindow> trigger = PurgingTrigger.of(EventTimeTrigger.create());
        assertTrue(trigger.canMerge());
        assertSame(EventTimeTrigger.create(), trigger.getNestedTrigger());

        TimeWindow merged = new TimeWindow(0, 20);
        trigger.onMerge(merged, ctx.merging(List.of(), merged));
        assertEquals(List.of(19L), List.copyOf(ctx.eventTimers(merged)));
        trigger.clear(merged, ctx);
        assertTrue(ctx.eventTimers(merged).isEmpty());

        PurgingTrigger<Object, Window> fixed = PurgingTrigger.of(new FixedTrigger(TriggerResult.FIRE));
        assertFalse(fixed.canMerge());
        assertThrows(UnsupportedOperationException.class, () -> fixed.onMerge(merged, ctx));
    }

    @Test
    void rejectsANullTrigger() {
        assertThrows(IllegalArgumentException.class, () -> PurgingTrigger.of(null));
    }
}
