package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.CoGroupFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Window join and coGroup end to end, against references over the same input. */
class WindowJoinIT {

    private static final long N_A = 4_000;
    private static final long N_B = 3_000;
    private static final long KEYS = 4;
    private static final long WINDOW_MS = 1_000;

    record Ev(long id, long key, long ts) {
    }

    /** Out of order by up to 30 ms. */
    static Ev a(long id) {
        return new Ev(id, id % KEYS, 10 * id + Math.floorMod(id * 7919, 31) - 15);
    }

    static Ev b(long id) {
        return new Ev(id, (id * 3) % KEYS, 13 * id + Math.floorMod(id * 104_729, 31) - 15);
    }

    private static DataStream<Ev> input(StreamExecutionEnvironment env, boolean isA) {
        MapFunction<Long, Ev> toEvent = isA ? id -> a(id) : id -> b(id);
        return env.fromSource(new TestingSequenceSource(isA ? N_A : N_B, 400), isA ? "a" : "b")
                .map(toEvent).returns(Ev.class)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Ev>forBoundedOutOfOrderness(Duration.ofMillis(40))
                        .withTimestampAssigner((e, ts) -> e.ts()));
    }

    private static long windowOf(Ev e) {
        return e.ts() - Math.floorMod(e.ts(), WINDOW_MS);
    }

    /** Counts and id sums of both sides; the window start is read off any value's timestamp. */
    static final class Summarize implements CoGroupFunction<Ev, Ev, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void coGroup(Iterable<Ev> first, Iterable<Ev> second, Collector<String> out) {
            long[] s = new long[4];
            long key = -1;
            long window = 0;
            for (Ev e : first) {
                s[0]++;
                s[1] += e.id();
                key = e.key();
                window = windowOf(e);
            }
            for (Ev e : second) {
                s[2]++;
                s[3] += e.id();
                key = e.key();
                window = windowOf(e);
            }
            out.collect(key + "," + window + "," + s[0] + "," + s[1] + "," + s[2] + "," + s[3]);
        }
    }

    @Test
    void windowJoinEmitsEveryPairOfOneKeyAndWindow() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(3);
        TestingSinks.Collecting<String> sink = new TestingSinks.Collecting<>();
        input(env, true).join(input(env, false)).where(Ev::key).equalTo(Ev::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MS)))
                .apply((x, y) -> x.id() + "," + y.id() + "," + x.key())
                .sinkTo(sink);
        JobExecutionResult result = env.execute("window join");

        List<String> expected = new ArrayList<>();
        for (long i = 0; i < N_A; i++) {
            Ev x = a(i);
            for (long j = 0; j < N_B; j++) {
                Ev y = b(j);
                if (x.key() == y.key() && windowOf(x) == windowOf(y)) {
                    expected.add(x.id() + "," + y.id() + "," + x.key());
                }
            }
        }
        Collections.sort(expected);
        assertTrue(expected.size() > 10_000, "the reference is too small to test much");
        assertEquals(expected, sorted(result.getAccumulatorResult(sink.name())));
    }

    @Test
    void coGroupSeesBothSidesOfEveryKeyAndWindowIncludingOneSidedOnes() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        TestingSinks.Collecting<String> sink = new TestingSinks.Collecting<>();
        input(env, true).coGroup(input(env, false)).where(Ev::key).equalTo(Ev::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MS)))
                .apply(new Summarize())
                .sinkTo(sink);
        JobExecutionResult result = env.execute("window coGroup");

        Map<String, long[]> groups = new TreeMap<>();
        for (long i = 0; i < N_A; i++) {
            Ev x = a(i);
            long[] s = groups.computeIfAbsent(x.key() + "," + windowOf(x), k -> new long[4]);
            s[0]++;
            s[1] += x.id();
        }
        for (long j = 0; j < N_B; j++) {
            Ev y = b(j);
            long[] s = groups.computeIfAbsent(y.key() + "," + windowOf(y), k -> new long[4]);
            s[2]++;
            s[3] += y.id();
        }
        List<String> expected = new ArrayList<>();
        groups.forEach((k, s) -> expected.add(k + "," + s[0] + "," + s[1] + "," + s[2] + "," + s[3]));
        Collections.sort(expected);
        // Stream a runs to 40 s and b to 39 s, so the last windows are one-sided.
        assertTrue(expected.stream().anyMatch(line -> line.endsWith(",0,0")), "no one-sided group in the reference");
        assertEquals(expected, sorted(result.getAccumulatorResult(sink.name())));
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
