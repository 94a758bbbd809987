package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.datastream.BroadcastStream;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedBroadcastProcessFunction;
import io.runnel.api.functions.KeyedStateFunction;
import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReadOnlyBroadcastState;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Broadcast state end to end. Broadcast rules applied to a keyed stream. The broadcast side and the keyed side have no order between them, so
 * the function makes the result deterministic with event time: a value is judged by an event-time timer at its
 * timestamp, which fires only once the operator's watermark (the minimum of both inputs') has passed it, so every
 * rule up to that time is in the broadcast state; the rule in force is the latest one at or before the value.
 * And a broadcast value that visits every key's state, held back by a latch until the keyed values are counted.
 */
class BroadcastStateIT {

    private static final long N = 30_000;
    private static final long RULES = 30;
    private static final long RULE_EVERY_MS = 1_000;
    private static final long KEYS = 5;
    static final MapStateDescriptor<Long, Long> RULES_STATE =
            new MapStateDescriptor<>("rules", Long.class, Long.class);

    /** From {@code since} ms on, values divisible by {@code divisor} match. */
    record Rule(long since, long divisor) {
    }

    static Rule rule(long j) {
        return new Rule(j * RULE_EVERY_MS, j % 7 + 2);
    }

    static final class ApplyRules extends KeyedBroadcastProcessFunction<Long, Long, Rule, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> matches;

        @Override
        public void open() {
            matches = getRuntimeContext().getState(new ValueStateDescriptor<>("matches", Long.class));
        }

        @Override
        public void processElement(Long v, ReadOnlyContext ctx, Collector<String> out) {
            // The value is its own timestamp: the timer at v names the value.
            ctx.timerService().registerEventTimeTimer(v);
        }

        @Override
        public void processBroadcastElement(Rule r, Context ctx, Collector<String> out) {
            BroadcastState<Long, Long> rules = ctx.getBroadcastState(RULES_STATE);
            rules.put(r.since(), r.divisor());
        }

        @Override
        public void onTimer(long v, OnTimerContext ctx, Collector<String> out) {
            ReadOnlyBroadcastState<Long, Long> rules = ctx.getBroadcastState(RULES_STATE);
            long since = Long.MIN_VALUE;
            long divisor = -1;
            for (Map.Entry<Long, Long> e : rules.immutableEntries()) {
                if (e.getKey() <= v && e.getKey() > since) {
                    since = e.getKey();
                    divisor = e.getValue();
                }
            }
            if (v % divisor == 0) {
                Long n = matches.value();
                long count = n == null ? 1 : n + 1;
                matches.update(count);
                out.collect(ctx.getCurrentKey() + "," + v + "," + divisor + "," + count);
            }
        }
    }

    @Test
    void broadcastRulesReachEveryInstanceAndApplyToTheKeyedStream() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(3);
        BroadcastStream<Rule> rules = env.fromSource(new TestingSequenceSource(RULES, 5), "rules")
                .map(BroadcastStateIT::rule).returns(Rule.class).setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Rule>forMonotonousTimestamps()
                        .withTimestampAssigner((r, ts) -> r.since())).setParallelism(1)
                .broadcast(RULES_STATE);
        TestingSinks.Collecting<String> sink = new TestingSinks.Collecting<>();
        env.fromSource(new TestingSequenceSource(N, 1_000), "values")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((v, ts) -> v))
                .keyBy(v -> v % KEYS)
                .connect(rules)
                .process(new ApplyRules())
                .sinkTo(sink);
        JobExecutionResult result = env.execute("broadcast rules");

        List<String> expected = new ArrayList<>();
        long[] counts = new long[(int) KEYS];
        for (long v = 0; v < N; v++) {
            long divisor = rule(v / RULE_EVERY_MS).divisor();
            if (v % divisor == 0) {
                int key = (int) (v % KEYS);
                expected.add(key + "," + v + "," + divisor + "," + ++counts[key]);
            }
        }
        Collections.sort(expected);
        List<String> got = new ArrayList<>(result.getAccumulatorResult(sink.name()));
        Collections.sort(got);
        assertEquals(expected, got);
    }

    private static final long SWEEP_N = 2_000;
    /** Holds the broadcast sweep back until every keyed value has been counted. */
    static final CountDownLatch COUNTED = new CountDownLatch((int) SWEEP_N);
    static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Long.class);

    /** Counts values per key; a broadcast value visits every key's count, emits it and resets it. */
    static final class SweepCounts extends KeyedBroadcastProcessFunction<Long, Long, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long v, ReadOnlyContext ctx, Collector<String> out) {
            ValueState<Long> count = getRuntimeContext().getState(COUNT);
            Long n = count.value();
            count.update(n == null ? 1 : n + 1);
            COUNTED.countDown();
        }

        @Override
        public void processBroadcastElement(Long sweep, Context ctx, Collector<String> out) throws Exception {
            KeyedStateFunction<Long, ValueState<Long>> emitAndReset = (key, state) -> {
                out.collect(key + "," + state.value());
                state.clear();
            };
            ctx.applyToKeyedState(COUNT, emitAndReset);
        }
    }

    @Test
    void applyToKeyedStateVisitsEveryKeyOfEveryInstance() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(3);
        BroadcastStream<Long> sweep = env.fromSource(new TestingSequenceSource(1, 1), "sweep")
                .map(v -> {
                    if (!COUNTED.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the keyed values were not counted within 30 s");
                    }
                    return v;
                }).returns(Long.class).setParallelism(1)
                .broadcast(RULES_STATE);
        TestingSinks.Collecting<String> sink = new TestingSinks.Collecting<>();
        env.fromSource(new TestingSequenceSource(SWEEP_N, 100), "values")
                .keyBy(v -> v % 7)
                .connect(sweep)
                .process(new SweepCounts())
                .sinkTo(sink);
        JobExecutionResult result = env.execute("apply to keyed state");

        long[] counts = new long[7];
        for (long v = 0; v < SWEEP_N; v++) {
            counts[(int) (v % 7)]++;
        }
        List<String> expected = new ArrayList<>();
        for (int key = 0; key < 7; key++) {
            expected.add(key + "," + counts[key]);
        }
        List<String> got = new ArrayList<>(result.getAccumulatorResult(sink.name()));
        Collections.sort(got);
        assertEquals(expected, got);
    }
}
