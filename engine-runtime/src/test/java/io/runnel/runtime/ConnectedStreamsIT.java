package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.OutputTag;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedCoProcessFunction;
import io.runnel.api.functions.TimeDomain;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connected streams end to end: a keyed co-process join with keyed state and event-time timers, a non-keyed
 * co-process function, and the watermark of a two-input operator being the minimum of its inputs'.
 */
class ConnectedStreamsIT {

    private static final long N = 6_000;
    private static final OutputTag<String> UNPAID = new OutputTag<>("unpaid") { };

    /** An order per id; a payment for every id not divisible by 3, some before and some after the order. */
    record Order(long id, long ts) {
    }

    record Payment(long orderId, long ts) {
    }

    static long paymentTs(long id) {
        return id % 2 == 0 ? 10 * id - 5 : 10 * id + 5;
    }

    /**
     * Keeps whichever side of an id comes first in keyed state; emits the match when the other comes. An order
     * sets a timer 100 ms after it; if the payment has not come when it fires, the order goes to the side output.
     */
    static final class MatchPayments extends KeyedCoProcessFunction<Long, Order, Payment, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> orderTs;
        private transient ValueState<Long> paidTs;

        @Override
        public void open() {
            orderTs = getRuntimeContext().getState(new ValueStateDescriptor<>("order", Long.class));
            paidTs = getRuntimeContext().getState(new ValueStateDescriptor<>("paid", Long.class));
        }

        @Override
        public void processElement1(Order order, Context ctx, Collector<String> out) {
            assertEquals(order.id(), ctx.getCurrentKey());
            Long paid = paidTs.value();
            if (paid != null) {
                out.collect("paid," + order.id() + "," + order.ts() + "," + paid);
                paidTs.clear();
                return;
            }
            orderTs.update(ctx.timestamp());
            ctx.timerService().registerEventTimeTimer(order.ts() + 100);
        }

        @Override
        public void processElement2(Payment payment, Context ctx, Collector<String> out) {
            Long ordered = orderTs.value();
            if (ordered != null) {
                out.collect("paid," + payment.orderId() + "," + ordered + "," + payment.ts());
                orderTs.clear();
                ctx.timerService().deleteEventTimeTimer(ordered + 100);
                return;
            }
            paidTs.update(ctx.timestamp());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            assertEquals(TimeDomain.EVENT_TIME, ctx.timeDomain());
            Long ordered = orderTs.value();
            // The payment input's watermark has passed the timer too, so a payment of this id would have come.
            ctx.output(UNPAID, "unpaid," + ctx.getCurrentKey() + "," + ordered + "," + ctx.timestamp());
            orderTs.clear();
        }
    }

    private static DataStream<Order> orders(StreamExecutionEnvironment env) {
        return env.fromSource(new TestingSequenceSource(N, 700), "orders")
                .map(id -> new Order(id, 10 * id)).returns(Order.class)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Order>forMonotonousTimestamps()
                        .withTimestampAssigner((o, ts) -> o.ts()));
    }

    private static DataStream<Payment> payments(StreamExecutionEnvironment env) {
        // Payment timestamps are not monotonous (-5/+5 around 10 id), so allow 10 ms of disorder.
        return env.fromSource(new TestingSequenceSource(N, 500), "payments")
                .filter(id -> id % 3 != 0)
                .map(id -> new Payment(id, paymentTs(id))).returns(Payment.class)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Payment>forBoundedOutOfOrderness(
                        Duration.ofMillis(10)).withTimestampAssigner((p, ts) -> p.ts()));
    }

    @Test
    void keyedCoProcessJoinsWithStateAndTimersAtParallelismOneAndThree() throws Exception {
        List<String> expectedPaid = new ArrayList<>();
        List<String> expectedUnpaid = new ArrayList<>();
        for (long id = 0; id < N; id++) {
            if (id % 3 != 0) {
                expectedPaid.add("paid," + id + "," + 10 * id + "," + paymentTs(id));
            } else {
                expectedUnpaid.add("unpaid," + id + "," + 10 * id + "," + (10 * id + 100));
            }
        }
        Collections.sort(expectedPaid);
        Collections.sort(expectedUnpaid);
        for (int p : new int[] {1, 3}) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
            env.setParallelism(p);
            TestingSinks.Collecting<String> paid = new TestingSinks.Collecting<>();
            TestingSinks.Collecting<String> unpaid = new TestingSinks.Collecting<>();
            SingleOutputStreamOperator<String> matched = orders(env).connect(payments(env))
                    .keyBy(Order::id, Payment::orderId)
                    .process(new MatchPayments());
            matched.sinkTo(paid);
            matched.getSideOutput(UNPAID).sinkTo(unpaid);
            JobExecutionResult result = env.execute("keyed co-process p" + p);
            assertEquals(expectedPaid, sorted(result.getAccumulatorResult(paid.name())), "p=" + p);
            assertEquals(expectedUnpaid, sorted(result.getAccumulatorResult(unpaid.name())), "p=" + p);
        }
    }

    /**
     * Counts the second input's values in keyed state; a timer per 1000 first-input values reports the count.
     * The second input's watermark stays at Long.MIN_VALUE until it ends (its bound is a day), so if the operator's
     * watermark is the minimum of its inputs' no timer can fire before every second-input value has arrived.
     */
    static final class CountAtTimers extends KeyedCoProcessFunction<Long, Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> seen;

        @Override
        public void open() {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Long.class));
        }

        @Override
        public void processElement1(Long v, Context ctx, Collector<String> out) {
            if (v % 1_000 == 999) {
                ctx.timerService().registerEventTimeTimer(v);
            }
        }

        @Override
        public void processElement2(Long v, Context ctx, Collector<String> out) {
            Long n = seen.value();
            seen.update(n == null ? 1 : n + 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(timestamp + "," + seen.value() + "," + (ctx.timerService().currentWatermark() >= timestamp));
        }
    }

    @Test
    void aTwoInputOperatorsWatermarkIsTheMinimumOfItsInputs() throws Exception {
        long fast = 50_000;
        long slow = 2_000;
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        DataStream<Long> first = env.fromSource(new TestingSequenceSource(fast, 1_000), "fast")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((v, ts) -> v));
        DataStream<Long> second = env.fromSource(new TestingSequenceSource(slow, 100), "lagging")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofDays(1))
                        .withTimestampAssigner((v, ts) -> v));
        TestingSinks.Collecting<String> sink = new TestingSinks.Collecting<>();
        // Parallelism 1 down to the sink, so the sink sees the timers' results in firing order.
        first.connect(second).keyBy(v -> 0L, v -> 0L).process(new CountAtTimers()).setParallelism(1)
                .sinkTo(sink).setParallelism(1);
        JobExecutionResult result = env.execute("two-input watermark");

        List<String> expected = new ArrayList<>();
        for (long t = 999; t < fast; t += 1_000) {
            expected.add(t + "," + slow + ",true");
        }
        // Timers fire in timestamp order.
        assertEquals(expected, result.getAccumulatorResult(sink.name()));
    }

    /** Tags each side's values; a non-keyed co-process function sees each input through its own method. */
    static final class TagSides extends CoProcessFunction<Long, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement1(Long v, Context ctx, Collector<String> out) {
            out.collect("1:" + v);
        }

        @Override
        public void processElement2(String v, Context ctx, Collector<String> out) {
            out.collect("2:" + v);
        }
    }

    @Test
    void coProcessSeesEachInputThroughItsOwnMethod() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        // Input 1 has the operator's parallelism (a forward edge, not chained); input 2 is rebalanced from 3.
        DataStream<Long> numbers = env.fromSource(new TestingSequenceSource(3_000, 250), "numbers");
        DataStream<String> words = env.fromSource(new TestingSequenceSource(2_000, 250), "words").setParallelism(3)
                .map(v -> "w" + v).returns(String.class).setParallelism(3);
        TestingSinks.Collecting<String> sink = new TestingSinks.Collecting<>();
        numbers.connect(words).process(new TagSides()).sinkTo(sink);
        JobExecutionResult result = env.execute("co-process");

        List<String> expected = new ArrayList<>();
        for (long v = 0; v < 3_000; v++) {
            expected.add("1:" + v);
        }
        for (long v = 0; v < 2_000; v++) {
            expected.add("2:w" + v);
        }
        Collections.sort(expected);
        assertEquals(expected, sorted(result.getAccumulatorResult(sink.name())));
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
