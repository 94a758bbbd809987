package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.OutputTag;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkGenerator;
import io.runnel.api.eventtime.WatermarkOutput;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.windowing.assigners.EventTimeSessionWindows;
import io.runnel.api.windowing.assigners.SlidingEventTimeWindows;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.api.windowing.evictors.CountEvictor;
import io.runnel.api.windowing.functions.ProcessAllWindowFunction;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.triggers.CountTrigger;
import io.runnel.api.windowing.windows.TimeWindow;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Window results against plain-Java references over the same events: tumbling, sliding and session windows,
 * out-of-order input within and beyond the watermark bound, late data, count triggers and evictors.
 */
class WindowsIT {

    /** An event: key, event time in ms, value. */
    record Ev(long key, long ts, long value) {
    }

    private static final long N = 20_000;
    private static final long KEYS = 5;
    /** Events are 10 ms apart in index order and displaced by up to this much (a fixed pseudo-random jitter). */
    private static final long JITTER = 300;

    static Ev event(long i) {
        long jitter = Math.floorMod(i * 0x9E3779B97F4A7C15L >>> 17, JITTER);
        return new Ev(i % KEYS, i * 10 + jitter, i % 97);
    }

    /** (key, window start, count, sum) with the window from the context. */
    static final class Describe extends ProcessWindowFunction<long[], String, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context ctx, Iterable<long[]> acc, Collector<String> out) {
            long[] a = acc.iterator().next();
            out.collect(key + "," + ctx.window().getStart() + "," + a[0] + "," + a[1]);
        }
    }

    /** Counts and sums values. */
    static final class CountSum implements AggregateFunction<Ev, long[], long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Ev e, long[] acc) {
            acc[0]++;
            acc[1] += e.value();
            return acc;
        }

        @Override
        public long[] getResult(long[] acc) {
            return acc;
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    private static final OutputTag<Ev> LATE = new OutputTag<>("late") { };

    /** (key, start, end, count, sum) of a session. */
    static final class DescribeSession extends ProcessWindowFunction<long[], String, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context ctx, Iterable<long[]> acc, Collector<String> out) {
            long[] a = acc.iterator().next();
            out.collect(key + "," + ctx.window().getStart() + "," + ctx.window().getEnd() + "," + a[0] + "," + a[1]);
        }
    }

    /** Emits the value of the (single, reduced) element. */
    static final class ValueOf extends ProcessWindowFunction<Ev, Long, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context ctx, Iterable<Ev> reduced, Collector<Long> out) {
            out.collect(reduced.iterator().next().value());
        }
    }

    /** @return the state backend the tests run on ({@code state.backend}); subclasses run them on others */
    protected String backend() {
        return "hashmap";
    }

    private StreamExecutionEnvironment env(int parallelism) {
        Configuration conf = new Configuration();
        conf.setString("state.backend", backend());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    private static DataStream<Ev> events(StreamExecutionEnvironment env, long outOfOrdernessMs) {
        return env.fromSource(new TestingSequenceSource(N, 2_000), "events")
                .map(WindowsIT::event)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Ev>forBoundedOutOfOrderness(
                        Duration.ofMillis(outOfOrdernessMs)).withTimestampAssigner((e, ts) -> e.ts()));
    }

    /** Reference: (key, start) -> {count, sum} over windows of the given size and slide. */
    private static List<String> reference(long size, long slide) {
        Map<String, long[]> windows = new TreeMap<>();
        for (long i = 0; i < N; i++) {
            Ev e = event(i);
            long lastStart = e.ts() - Math.floorMod(e.ts(), slide);
            for (long start = lastStart; start > e.ts() - size; start -= slide) {
                long[] a = windows.computeIfAbsent(e.key() + "," + start, k -> new long[2]);
                a[0]++;
                a[1] += e.value();
            }
        }
        List<String> out = new ArrayList<>();
        windows.forEach((k, a) -> out.add(k + "," + a[0] + "," + a[1]));
        Collections.sort(out);
        return out;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    @Test
    void tumblingAndSlidingWindowsMatchTheReferenceAtSeveralParallelisms() throws Exception {
        for (int p : new int[] {1, 3}) {
            StreamExecutionEnvironment env = env(p);
            DataStream<Ev> events = events(env, JITTER);
            TestingSinks.Collecting<String> tumbling = new TestingSinks.Collecting<>();
            TestingSinks.Collecting<String> sliding = new TestingSinks.Collecting<>();
            events.keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
                    .aggregate(new CountSum(), new Describe()).sinkTo(tumbling);
            events.keyBy(Ev::key).window(SlidingEventTimeWindows.of(Duration.ofMillis(1_000), Duration.ofMillis(250)))
                    .aggregate(new CountSum(), new Describe()).sinkTo(sliding);
            JobExecutionResult result = env.execute("tumbling and sliding p" + p);
            assertEquals(reference(1_000, 1_000), sorted(result.getAccumulatorResult(tumbling.name())), "p=" + p);
            assertEquals(reference(1_000, 250), sorted(result.getAccumulatorResult(sliding.name())), "p=" + p);
        }
    }

    /** Emits a watermark after every event: deterministic lateness for a given input order. */
    static final class EveryEvent implements WatermarkGenerator<Ev> {
        private final long bound;
        private long max = Long.MIN_VALUE / 2;

        EveryEvent(long bound) {
            this.bound = bound;
        }

        @Override
        public void onEvent(Ev event, long eventTimestamp, WatermarkOutput output) {
            max = Math.max(max, eventTimestamp);
            output.emitWatermark(max - bound - 1);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            // Watermarks follow events only, so the test does not depend on timing.
        }
    }

    /** (key, window start, count, sum) over all elements, for windows that keep elements. */
    static final class DescribeElements extends ProcessWindowFunction<Ev, String, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            long n = 0;
            long sum = 0;
            for (Ev e : elements) {
                n++;
                sum += e.value();
            }
            out.collect(key + "," + ctx.window().getStart() + "," + n + "," + sum);
        }
    }

    /** (key, window start, 1, sum) of a reduced window: the count is not tracked, so it is 1 per (key, window). */
    static final class DescribeReduced extends ProcessWindowFunction<Ev, String, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context ctx, Iterable<Ev> reduced, Collector<String> out) {
            Ev e = reduced.iterator().next();
            out.collect(key + "," + ctx.window().getStart() + "," + e.ts() + "," + e.value());
        }
    }

    @Test
    void slidingWindowsWhoseSlideDoesNotDivideTheSizeUseFinerSlicesAndMatch() throws Exception {
        StreamExecutionEnvironment env = env(2);
        DataStream<Ev> events = events(env, JITTER);
        TestingSinks.Collecting<String> listed = new TestingSinks.Collecting<>();
        TestingSinks.Collecting<String> reduced = new TestingSinks.Collecting<>();
        SlidingEventTimeWindows sliding = SlidingEventTimeWindows.of(Duration.ofMillis(1_000), Duration.ofMillis(300));
        events.keyBy(Ev::key).window(sliding).process(new DescribeElements()).sinkTo(listed);
        // Reduce to (count in ts, sum in value) so the reduction is checkable.
        events.map(e -> new Ev(e.key(), 1, e.value())).returns(Ev.class).keyBy(Ev::key).window(sliding)
                .reduce((a, b) -> new Ev(a.key(), a.ts() + b.ts(), a.value() + b.value()), new DescribeReduced())
                .sinkTo(reduced);
        JobExecutionResult result = env.execute("sliding 1000/300");
        List<String> expected = reference(1_000, 300);
        assertEquals(expected, sorted(result.getAccumulatorResult(listed.name())));
        assertEquals(expected, sorted(result.getAccumulatorResult(reduced.name())));
    }

    @Test
    void lateEventsGoToTheSideOutputCountedExactly() throws Exception {
        // One source subtask and per-event watermarks: which events are late depends only on the input order.
        StreamExecutionEnvironment env = env(1);
        long bound = 20;
        TestingSinks.Collecting<String> onTime = new TestingSinks.Collecting<>();
        TestingSinks.Collecting<Ev> late = new TestingSinks.Collecting<>();
        SingleOutputStreamOperator<String> windows = env.fromSource(new TestingSequenceSource(N, 2_000), "events")
                .map(WindowsIT::event)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Ev>forGenerator(() -> new EveryEvent(bound))
                        .withTimestampAssigner((e, ts) -> e.ts()))
                .keyBy(Ev::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
                .sideOutputLateData(LATE)
                .aggregate(new CountSum(), new Describe())
                .setParallelism(2);
        windows.sinkTo(onTime);
        windows.getSideOutput(LATE).sinkTo(late);
        JobExecutionResult result = env.execute("late data");

        // Reference: an event is late when its window's last ms is at or below the watermark of the events before it.
        List<Ev> expectedLate = new ArrayList<>();
        Map<String, long[]> expectedWindows = new TreeMap<>();
        long watermark = Long.MIN_VALUE;
        long max = Long.MIN_VALUE / 2;
        for (long i = 0; i < N; i++) {
            Ev e = event(i);
            long start = e.ts() - Math.floorMod(e.ts(), 1_000);
            if (start + 999 <= watermark) {
                expectedLate.add(e);
            } else {
                long[] a = expectedWindows.computeIfAbsent(e.key() + "," + start, k -> new long[2]);
                a[0]++;
                a[1] += e.value();
            }
            max = Math.max(max, e.ts());
            watermark = Math.max(watermark, max - bound - 1);
        }
        List<String> expectedOnTime = new ArrayList<>();
        expectedWindows.forEach((k, a) -> expectedOnTime.add(k + "," + a[0] + "," + a[1]));
        Collections.sort(expectedOnTime);
        assertEquals(true, expectedLate.size() > 100, "the jitter exceeds the bound, so many events are late");
        assertEquals(expectedOnTime, sorted(result.getAccumulatorResult(onTime.name())));
        List<Ev> gotLate = new ArrayList<>(result.getAccumulatorResult(late.name()));
        Comparator<Ev> order = Comparator.comparingLong(Ev::ts).thenComparingLong(Ev::key)
                .thenComparingLong(Ev::value);
        gotLate.sort(order);
        expectedLate.sort(order);
        assertEquals(expectedLate, gotLate);
    }

    @Test
    void sessionWindowsMergeLikeTheReference() throws Exception {
        long gap = 35;
        StreamExecutionEnvironment env = env(2);
        TestingSinks.Collecting<String> sessions = new TestingSinks.Collecting<>();
        // Keys see events 50 ms apart, with jitter, so sessions of gap 35 both merge and split. Watermarks after
        // every event (bound = jitter, so nothing is late) close sessions as the input goes, as in production.
        env.fromSource(new TestingSequenceSource(N, 2_000), "events")
                .map(WindowsIT::event)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Ev>forGenerator(() -> new EveryEvent(JITTER))
                        .withTimestampAssigner((e, ts) -> e.ts()))
                .keyBy(Ev::key).window(EventTimeSessionWindows.withGap(Duration.ofMillis(gap)))
                .aggregate(new CountSum(), new DescribeSession()).sinkTo(sessions);
        JobExecutionResult result = env.execute("sessions");

        Map<Long, List<Ev>> byKey = new TreeMap<>();
        for (long i = 0; i < N; i++) {
            Ev e = event(i);
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        }
        List<String> expected = new ArrayList<>();
        for (Map.Entry<Long, List<Ev>> k : byKey.entrySet()) {
            List<Ev> evs = k.getValue();
            evs.sort((a, b) -> Long.compare(a.ts(), b.ts()));
            long start = evs.get(0).ts();
            long end = start + gap;
            long count = 0;
            long sum = 0;
            for (Ev e : evs) {
                if (e.ts() > end) {
                    expected.add(k.getKey() + "," + start + "," + end + "," + count + "," + sum);
                    start = e.ts();
                    count = 0;
                    sum = 0;
                }
                end = Math.max(end, e.ts() + gap);
                count++;
                sum += e.value();
            }
            expected.add(k.getKey() + "," + start + "," + end + "," + count + "," + sum);
        }
        Collections.sort(expected);
        assertEquals(expected, sorted(result.getAccumulatorResult(sessions.name())));
    }

    @Test
    void countTriggerAndCountEvictorFireEveryNElements() throws Exception {
        StreamExecutionEnvironment env = env(1);
        TestingSinks.Collecting<Long> sums = new TestingSinks.Collecting<>();
        events(env, JITTER).keyBy(Ev::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000_000)))
                .trigger(CountTrigger.of(100))
                .evictor(CountEvictor.of(10))
                .reduce((a, b) -> new Ev(a.key(), Math.max(a.ts(), b.ts()), a.value() + b.value()), new ValueOf())
                .sinkTo(sums);
        JobExecutionResult result = env.execute("count trigger");

        // Per key and window, every 100th element fires over the last 10 elements of the window's contents; the
        // evictor keeps only those 10 afterwards, so the next fire sees them plus the 100 new ones, cut to 10.
        Map<String, List<Ev>> contents = new TreeMap<>();
        List<Long> expected = new ArrayList<>();
        // Input order per key is the order records reach the single window subtask: index order.
        for (long i = 0; i < N; i++) {
            Ev e = event(i);
            long window = e.ts() / 1_000_000;
            List<Ev> c = contents.computeIfAbsent(e.key() + "," + window, k -> new ArrayList<>());
            c.add(e);
            long seen = i / KEYS + 1;
            if (seen % 100 == 0) {
                while (c.size() > 10) {
                    c.remove(0);
                }
                expected.add(c.stream().mapToLong(Ev::value).sum());
            }
        }
        assertEquals(sortedLongs(expected), sortedLongs(result.getAccumulatorResult(sums.name())));
    }

    /** (window start, count) over all keys. */
    static final class CountAll extends ProcessAllWindowFunction<Ev, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Context ctx, Iterable<Ev> elements, Collector<String> out) {
            long n = 0;
            for (Ev ignored : elements) {
                n++;
            }
            out.collect(ctx.window().getStart() + "," + n);
        }
    }

    @Test
    void windowAllSeesEveryKeyInOneWindow() throws Exception {
        StreamExecutionEnvironment env = env(3);
        TestingSinks.Collecting<String> counts = new TestingSinks.Collecting<>();
        events(env, JITTER).windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(5_000))).process(new CountAll())
                .sinkTo(counts);
        JobExecutionResult result = env.execute("window all");
        Map<Long, Long> expected = new TreeMap<>();
        for (long i = 0; i < N; i++) {
            expected.merge(event(i).ts() / 5_000 * 5_000, 1L, Long::sum);
        }
        List<String> lines = new ArrayList<>();
        expected.forEach((start, n) -> lines.add(start + "," + n));
        Collections.sort(lines);
        assertEquals(lines, sorted(result.getAccumulatorResult(counts.name())));
    }

    private static List<Long> sortedLongs(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
