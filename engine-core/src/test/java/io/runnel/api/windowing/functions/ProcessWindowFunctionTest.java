package io.runnel.api.windowing.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.Collector;
import io.runnel.api.state.KeyedStateStore;
import io.runnel.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user function written against the API: it sees key, window and clocks, and reaches side outputs. */
class ProcessWindowFunctionTest {

    private static final OutputTag<String> LATE = new OutputTag<>("late") { };

    /** Sums a window and reports windows that fired after the watermark passed them. */
    static final class SumPerWindow extends ProcessWindowFunction<Integer, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Integer> elements, Collector<String> out) {
            int sum = 0;
            for (int e : elements) {
                sum += e;
            }
            out.collect(key + "@" + context.window().getStart() + "=" + sum);
            if (context.currentWatermark() > context.window().maxTimestamp()) {
                context.output(LATE, key);
            }
        }
    }

    /** Counts all elements of a window, no key. */
    static final class CountAll extends ProcessAllWindowFunction<Integer, Integer, TimeWindow> {
        @Override
        public void process(Context context, Iterable<Integer> elements, Collector<Integer> out) {
            int n = 0;
            for (Integer ignored : elements) {
                n++;
            }
            out.collect(n);
        }
    }

    @Test
    void processSeesKeyWindowAndWatermark() throws Exception {
        SumPerWindow function = new SumPerWindow();
        List<String> out = new ArrayList<>();
        List<Object> side = new ArrayList<>();
        TimeWindow window = new TimeWindow(10, 20);

        function.process("k", function.new Context() {
            @Override
            public TimeWindow window() {
                return window;
            }

            @Override
            public long currentProcessingTime() {
                return 0;
            }

            @Override
            public long currentWatermark() {
                return 25;
            }

            @Override
            public KeyedStateStore windowState() {
                throw new UnsupportedOperationException();
            }

            @Override
            public KeyedStateStore globalState() {
                throw new UnsupportedOperationException();
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                side.add(tag.getId() + ":" + value);
            }
        }, List.of(1, 2, 3), out::add);

        assertEquals(List.of("k@10=6"), out);
        assertEquals(List.of("late:k"), side);
    }

    @Test
    void processAllSeesEveryElement() throws Exception {
        List<Integer> out = new ArrayList<>();
        new CountAll().process(null, List.of(4, 5), out::add);
        assertEquals(List.of(2), out);
    }
}
