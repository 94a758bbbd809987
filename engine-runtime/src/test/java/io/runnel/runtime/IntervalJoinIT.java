package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.datastream.KeyedStream;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkGenerator;
import io.runnel.api.eventtime.WatermarkOutput;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.ProcessJoinFunction;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interval joins end to end, against a nested-loop reference over the same input: out-of-order input within the
 * watermark bound, a watermark after every event (so buffers are cleaned up while the job runs), inclusive and
 * exclusive bounds, on the heap and the RocksDB state backends.
 */
class IntervalJoinIT {

    private static final long N = 3_000;
    private static final long KEYS = 3;
    /** Timestamps are 10 id + jitter with jitter in [-20, 20]: out of order by up to 40 ms. */
    private static final long BOUND_MS = 45;

    record Ev(long id, long key, long ts) {
    }

    static Ev left(long id) {
        return new Ev(id, id % KEYS, 10 * id + Math.floorMod(id * 7919, 41) - 20);
    }

    static Ev right(long id) {
        return new Ev(id, (id * 5) % KEYS, 10 * id + 3 + Math.floorMod(id * 104_729, 41) - 20);
    }

    /** A watermark after every event, trailing the largest timestamp by the bound. */
    static final class EveryEvent implements WatermarkGenerator<Ev> {
        private long max = Long.MIN_VALUE / 2;

        @Override
        public void onEvent(Ev event, long eventTimestamp, WatermarkOutput output) {
            max = Math.max(max, eventTimestamp);
            output.emitWatermark(max - BOUND_MS - 1);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            // Watermarks follow events only.
        }
    }

    static final class Describe extends ProcessJoinFunction<Ev, Ev, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Ev l, Ev r, Context ctx, Collector<String> out) {
            assertEquals(l.ts(), ctx.getLeftTimestamp());
            assertEquals(r.ts(), ctx.getRightTimestamp());
            out.collect(describe(l, r, ctx.getTimestamp()));
        }
    }

    static String describe(Ev l, Ev r, long ts) {
        return l.id() + "," + r.id() + "," + l.key() + "," + ts;
    }

    /** Nested loop over all pairs: same key and {@code l.ts + lower <= r.ts <= l.ts + upper}. */
    static List<String> reference(long lower, long upper) {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < N; i++) {
            Ev l = left(i);
            for (long j = 0; j < N; j++) {
                Ev r = right(j);
                if (l.key() == r.key() && r.ts() >= l.ts() + lower && r.ts() <= l.ts() + upper) {
                    out.add(describe(l, r, Math.max(l.ts(), r.ts())));
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    private static KeyedStream<Ev, Long> input(StreamExecutionEnvironment env, boolean isLeft) {
        MapFunction<Long, Ev> toEvent = isLeft ? id -> left(id) : id -> right(id);
        return env.fromSource(new TestingSequenceSource(N, 500), isLeft ? "left" : "right")
                .map(toEvent).returns(Ev.class)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Ev>forGenerator(EveryEvent::new)
                        .withTimestampAssigner((e, ts) -> e.ts()))
                .keyBy(Ev::key);
    }

    private static void runAndCompare(String backend) throws Exception {
        Configuration conf = new Configuration();
        conf.setString("state.backend", backend);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        TestingSinks.Collecting<String> inclusive = new TestingSinks.Collecting<>();
        TestingSinks.Collecting<String> exclusive = new TestingSinks.Collecting<>();
        // Right values from 25 ms before to 15 ms after the left one; and with both bounds excluded, from
        // 10 ms to 30 ms after it (an interval that excludes the left value's own time).
        input(env, true).intervalJoin(input(env, false))
                .between(Duration.ofMillis(-25), Duration.ofMillis(15))
                .process(new Describe()).setParallelism(3).sinkTo(inclusive);
        input(env, true).intervalJoin(input(env, false))
                .between(Duration.ofMillis(10), Duration.ofMillis(30)).lowerBoundExclusive().upperBoundExclusive()
                .process(new Describe()).sinkTo(exclusive);
        JobExecutionResult result = env.execute("interval join on " + backend);

        List<String> expectedInclusive = reference(-25, 15);
        List<String> expectedExclusive = reference(11, 29);
        assertTrue(expectedInclusive.size() > 1_000, "the reference is too small to test much");
        assertTrue(expectedExclusive.size() > 500, "the reference is too small to test much");
        assertEquals(expectedInclusive, sorted(result.getAccumulatorResult(inclusive.name())));
        assertEquals(expectedExclusive, sorted(result.getAccumulatorResult(exclusive.name())));
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    @Test
    void joinsOutOfOrderInputExactlyLikeANestedLoopOnTheHeapBackend() throws Exception {
        runAndCompare("hashmap");
    }

    @Test
    void joinsOutOfOrderInputExactlyLikeANestedLoopOnTheRocksDbBackend() throws Exception {
        runAndCompare("rocksdb");
    }
}
