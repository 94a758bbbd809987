package io.runnel.api.windowing.evictors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.windowing.windows.GlobalWindow;
import io.runnel.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvictorsTest {

    private static final Evictor.EvictorContext CTX = new Evictor.EvictorContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public long getCurrentWatermark() {
            return Long.MIN_VALUE;
        }
    };

    private static List<TimestampedValue<Object>> elements(long... timestamps) {
        List<TimestampedValue<Object>> list = new ArrayList<>();
        for (long ts : timestamps) {
            list.add(TimestampedValue.of("e" + ts, ts));
        }
        return list;
    }

    private static List<Long> timestamps(List<TimestampedValue<Object>> elements) {
        return elements.stream().map(TimestampedValue::timestamp).toList();
    }

    @Test
    void countEvictorKeepsTheLastMaxCountBeforeTheFunction() {
        CountEvictor<GlobalWindow> evictor = CountEvictor.of(3);
        List<TimestampedValue<Object>> window = elements(1, 2, 3, 4, 5);

        evictor.evictAfter(window, window.size(), GlobalWindow.get(), CTX);
        assertEquals(5, window.size(), "an evict-before evictor leaves evictAfter alone");
        evictor.evictBefore(window, window.size(), GlobalWindow.get(), CTX);
        assertEquals(List.of(3L, 4L, 5L), timestamps(window));
    }

    @Test
    void countEvictorCanEvictAfterTheFunction() {
        CountEvictor<GlobalWindow> evictor = CountEvictor.of(2, true);
        List<TimestampedValue<Object>> window = elements(1, 2, 3);

        evictor.evictBefore(window, window.size(), GlobalWindow.get(), CTX);
        assertEquals(3, window.size());
        evictor.evictAfter(window, window.size(), GlobalWindow.get(), CTX);
        assertEquals(List.of(2L, 3L), timestamps(window));
        assertTrue(evictor.isEvictAfter());
    }

    @Test
    void countEvictorLeavesASmallWindowAlone() {
        List<TimestampedValue<Object>> window = elements(1, 2);
        CountEvictor.<GlobalWindow>of(5).evictBefore(window, window.size(), GlobalWindow.get(), CTX);
        assertEquals(List.of(1L, 2L), timestamps(window));
    }

    @Test
    void timeEvictorKeepsTimestampsWithinWindowSizeOfTheNewest() {
        TimeEvictor<TimeWindow> evictor = TimeEvictor.of(Duration.ofMillis(5));
        List<TimestampedValue<Object>> window = elements(1, 12, 6, 7, 10);

        evictor.evictBefore(window, window.size(), new TimeWindow(0, 20), CTX);
        assertEquals(List.of(12L, 7L, 10L), timestamps(window), "cutoff 12 - 5 = 7 is kept, 6 is not");
    }

    @Test
    void timeEvictorKeepsElementsWithoutTimestamp() {
        TimeEvictor<TimeWindow> evictor = TimeEvictor.of(Duration.ofMillis(5), true);
        List<TimestampedValue<Object>> window = elements(1, 20);
        window.add(1, TimestampedValue.withoutTimestamp("untimed"));

        evictor.evictBefore(window, window.size(), new TimeWindow(0, 30), CTX);
        assertEquals(3, window.size());
        evictor.evictAfter(window, window.size(), new TimeWindow(0, 30), CTX);
        assertEquals(List.of("untimed", "e20"), window.stream().map(TimestampedValue::value).toList());

        List<TimestampedValue<Object>> untimed = new ArrayList<>(List.of(TimestampedValue.withoutTimestamp("x")));
        evictor.evictAfter(untimed, 1, new TimeWindow(0, 30), CTX);
        assertEquals(1, untimed.size());
    }

    @Test
    void timestampedValueWithoutTimestampCarriesTheMarker() {
        TimestampedValue<String> v = new TimestampedValue<>("x", 42, false);
        assertFalse(v.hasTimestamp());
        assertEquals(Long.MIN_VALUE, v.timestamp());
        assertEquals(TimestampedValue.of("x", 42), new TimestampedValue<>("x", 42, true));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> CountEvictor.of(0));
        assertThrows(IllegalArgumentException.class, () -> TimeEvictor.of(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> TimeEvictor.of(null));
    }
}
