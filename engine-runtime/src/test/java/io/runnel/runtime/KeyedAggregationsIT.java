package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.Tuple2;
import io.runnel.api.datastream.KeyedStream;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The running keyed aggregations end at the same per-key values as plain loops, at parallelism 3. */
class KeyedAggregationsIT {

    private static final long N = 20_000;

    /** (key, value): key = x % 7, value = a scrambled x so min and max are not the first and last. */
    private static Tuple2<Long, Long> pair(long x) {
        return Tuple2.of(x % 7, (x * 7919) % 10_007);
    }

    /** Counts and sums values; result = sum / count as a string with the count. */
    static final class CountAndSum implements AggregateFunction<Tuple2<Long, Long>, long[], String> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Tuple2<Long, Long> value, long[] acc) {
            return new long[] {acc[0] + 1, acc[1] + value.f1()};
        }

        @Override
        public String getResult(long[] acc) {
            return acc[0] + ":" + acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    @Test
    void reduceMinMaxAndAggregateEndAtThePlainLoopsValues() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(3);
        KeyedStream<Tuple2<Long, Long>, Long> keyed = env.fromSource(new TestingSequenceSource(N, 1_000), "numbers")
                .map(KeyedAggregationsIT::pair)
                .keyBy(Tuple2::f0);
        TestingSinks.Collecting<Tuple2<Long, Long>> reduced = new TestingSinks.Collecting<>();
        TestingSinks.Collecting<Tuple2<Long, Long>> minimum = new TestingSinks.Collecting<>();
        TestingSinks.Collecting<Tuple2<Long, Long>> maximum = new TestingSinks.Collecting<>();
        TestingSinks.Collecting<String> aggregated = new TestingSinks.Collecting<>();
        keyed.reduce((a, b) -> Tuple2.of(a.f0(), a.f1() + b.f1())).sinkTo(reduced);
        keyed.min(Tuple2::f1).sinkTo(minimum);
        keyed.max(Tuple2::f1).sinkTo(maximum);
        keyed.aggregate(new CountAndSum()).sinkTo(aggregated);
        JobExecutionResult result = env.execute("aggregations");

        Map<Long, Long> sums = new HashMap<>();
        Map<Long, Long> mins = new HashMap<>();
        Map<Long, Long> maxs = new HashMap<>();
        Map<Long, Long> counts = new HashMap<>();
        for (long x = 0; x < N; x++) {
            Tuple2<Long, Long> p = pair(x);
            sums.merge(p.f0(), p.f1(), Long::sum);
            mins.merge(p.f0(), p.f1(), Math::min);
            maxs.merge(p.f0(), p.f1(), Math::max);
            counts.merge(p.f0(), 1L, Long::sum);
        }
        assertEquals(sums, lastPerKey(result.getAccumulatorResult(reduced.name()), true));
        assertEquals(mins, lastPerKey(result.getAccumulatorResult(minimum.name()), false));
        assertEquals(maxs, lastPerKey(result.getAccumulatorResult(maximum.name()), true));
        List<String> agg = result.getAccumulatorResult(aggregated.name());
        assertEquals(N, agg.size());
        Map<String, Boolean> finals = new HashMap<>();
        sums.forEach((k, s) -> finals.put(counts.get(k) + ":" + s, true));
        for (String expected : finals.keySet()) {
            assertEquals(true, agg.contains(expected), "final aggregate " + expected);
        }
    }

    /** Running values per key are monotone here, so the final one is the max (or min) seen. */
    private static Map<Long, Long> lastPerKey(List<Tuple2<Long, Long>> out, boolean increasing) {
        assertEquals(N, out.size());
        Map<Long, Long> last = new HashMap<>();
        for (Tuple2<Long, Long> t : out) {
            last.merge(t.f0(), t.f1(), increasing ? Math::max : Math::min);
        }
        return last;
    }
}
