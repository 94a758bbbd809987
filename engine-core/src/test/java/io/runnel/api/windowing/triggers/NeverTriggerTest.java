package io.runnel.api.windowing.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.windows.GlobalWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeverTriggerTest {

    @Test
    void neverFiresAndRegistersNothing() {
        NeverTrigger<GlobalWindow> trigger = NeverTrigger.create();
        GlobalWindow w = GlobalWindow.get();
        TestingTriggerContext ctx = new TestingTriggerContext().window(w).watermark(Long.MAX_VALUE);

        assertEquals(TriggerResult.CONTINUE, trigger.onElement("a", 1, w, ctx));
        assertEquals(TriggerResult.CONTINUE, trigger.onEventTime(Long.MAX_VALUE, w, ctx));
        assertEquals(TriggerResult.CONTINUE, trigger.onProcessingTime(1, w, ctx));
        trigger.onMerge(w, ctx.merging(List.of(w), w));

        assertTrue(trigger.canMerge());
        assertTrue(ctx.eventTimers(w).isEmpty() && ctx.processingTimers(w).isEmpty());
    }

    @Test
    void resultFlagsMatchTheirNames() {
        assertFalse(TriggerResult.CONTINUE.isFire() || TriggerResult.CONTINUE.isPurge());
        assertTrue(TriggerResult.FIRE.isFire() && !TriggerResult.FIRE.isPurge());
        assertTrue(!TriggerResult.PURGE.isFire() && TriggerResult.PURGE.isPurge());
        assertTrue(TriggerResult.FIRE_AND_PURGE.isFire() && TriggerResult.FIRE_AND_PURGE.isPurge());
    }
}
