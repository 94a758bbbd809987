package io.runnel.api.windowing.assigners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.runnel.api.windowing.triggers.EventTimeTrigger;
import io.runnel.api.windowing.triggers.NeverTrigger;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.windows.GlobalWindow;
import io.runnel.api.windowing.windows.TimeWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalWindowsTest {

    @Test
    void assignsEverythingToTheGlobalWindowWithANeverTrigger() {
        GlobalWindows assigner = GlobalWindows.create();
        assertEquals(List.of(GlobalWindow.get()), assigner.assignWindows("a", Long.MIN_VALUE, () -> 0));
        assertEquals(List.of(GlobalWindow.get()), assigner.assignWindows("b", 42, () -> 0));
        assertInstanceOf(NeverTrigger.class, assigner.getDefaultTrigger());
        assertSame(GlobalWindow.Serializer.INSTANCE, assigner.getWindowSerializer());
        assertFalse(assigner.isEventTime());
    }

    @Test
    void assignersAndTheirTriggersSurviveJavaSerialization() throws Exception {
        SlidingEventTimeWindows sliding = (SlidingEventTimeWindows) javaRoundTrip(
                SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5), Duration.ofMillis(1)));
        assertEquals(List.of(new TimeWindow(6, 16), new TimeWindow(1, 11)), sliding.assignWindows("a", 7, () -> 0));

        @SuppressWarnings("unchecked")
        Trigger<Object, TimeWindow> trigger = (Trigger<Object, TimeWindow>) javaRoundTrip(sliding.getDefaultTrigger());
        assertInstanceOf(EventTimeTrigger.class, trigger);
    }

    static Object javaRoundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
