package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.Tuple2;
import io.runnel.api.common.Tuple3;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.RichMapFunction;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import io.runnel.state.KeyGroupRangeAssignment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each partitioner delivers every record the right number of times to the right subtasks. */
class PartitioningIT {

    private static final long N = 30_000;

    /** Tags each value with the index of the subtask that saw it. */
    static final class TagSubtask<T> extends RichMapFunction<T, Tuple2<T, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<T, Integer> map(T value) {
            return Tuple2.of(value, getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    private static <T> List<T> run(int sourceParallelism, Function<DataStream<Long>, DataStream<T>> pipeline)
            throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(sourceParallelism);
        TestingSinks.Collecting<T> sink = new TestingSinks.Collecting<>();
        pipeline.apply(env.fromSource(new TestingSequenceSource(N, 1_000), "numbers")).sinkTo(sink);
        JobExecutionResult result = env.execute("partitioning");
        return result.getAccumulatorResult(sink.name());
    }

    @Test
    void broadcastDeliversEveryRecordToEverySubtask() throws Exception {
        List<Tuple2<Long, Integer>> out = run(1, s -> s.broadcast().map(new TagSubtask<Long>()).setParallelism(3));
        assertEquals(3 * N, out.size());
        Map<Long, Integer> seen = new HashMap<>();
        out.forEach(t -> seen.merge(t.f0(), 1 << t.f1(), (a, b) -> a | b));
        assertEquals(N, seen.size());
        assertTrue(seen.values().stream().allMatch(mask -> mask == 0b111));
    }

    @Test
    void rebalanceSpreadsEvenlyAndShuffleLosesNothing() throws Exception {
        List<Tuple2<Long, Integer>> rebalanced = run(1, s -> s.rebalance().map(new TagSubtask<Long>())
                .setParallelism(3));
        assertEquals(N, rebalanced.stream().map(Tuple2::f0).distinct().count());
        Map<Integer, Long> perSubtask = new HashMap<>();
        rebalanced.forEach(t -> perSubtask.merge(t.f1(), 1L, Long::sum));
        assertTrue(perSubtask.values().stream().allMatch(c -> Math.abs(c - N / 3) <= 1), perSubtask.toString());

        List<Tuple2<Long, Integer>> shuffled = run(2, s -> s.shuffle().map(new TagSubtask<Long>()).setParallelism(3));
        assertEquals(N, shuffled.size());
        assertEquals(N, shuffled.stream().map(Tuple2::f0).distinct().count());
    }

    @Test
    void rescaleSendsEachProducerToItsOwnBlockOfConsumers() throws Exception {
        List<Tuple2<Tuple2<Long, Integer>, Integer>> out = run(2, s -> s.map(new TagSubtask<Long>())
                .rescale().map(new TagSubtask<Tuple2<Long, Integer>>()).setParallelism(4));
        assertEquals(N, out.size());
        for (Tuple2<Tuple2<Long, Integer>, Integer> t : out) {
            int producer = t.f0().f1();
            int consumer = t.f1();
            assertTrue(consumer / 2 == producer, "producer " + producer + " fed consumer " + consumer);
        }
    }

    @Test
    void keyByRoutesEachKeyToTheSubtaskOwningItsKeyGroup() throws Exception {
        List<Tuple3<Long, Integer, Long>> out = run(2, s -> s.keyBy(x -> x % 101)
                .map(new TagSubtask<Long>()).setParallelism(3)
                .map(t -> Tuple3.of(t.f0() % 101, t.f1(), t.f0())).setParallelism(3));
        assertEquals(N, out.size());
        for (Tuple3<Long, Integer, Long> t : out) {
            int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(t.f0(), 128);
            assertEquals(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(128, 3, keyGroup), t.f1());
        }
    }
}
