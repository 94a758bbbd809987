package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.Tuple2;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineIT {

    @org.junit.jupiter.api.Test
    void tasksOnDifferentTaskManagersExchangeRecords() throws Exception {
        Configuration conf = new Configuration();
        conf.set(io.runnel.runtime.minicluster.MiniCluster.NUM_TASK_MANAGERS, 2);
        conf.set(io.runnel.runtime.minicluster.MiniCluster.NUM_SLOTS, 1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        TestingSinks.Collecting<Long> sink = new TestingSinks.Collecting<>();
        env.fromSource(new TestingSequenceSource(10_000, 1_000), "numbers").rebalance().map(x -> x).sinkTo(sink);
        try (io.runnel.runtime.minicluster.MiniCluster cluster =
                     io.runnel.runtime.minicluster.MiniCluster.start(conf)) {
            JobExecutionResult result = cluster.submitJob(env.getJobGraph("two-tms")).getJobExecutionResult()
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
            List<Long> out = result.getAccumulatorResult(sink.name());
            assertEquals(10_000, out.size());
            assertEquals(10_000, new java.util.HashSet<>(out).size());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void keyedRunningSumMatchesPlainLoop(int parallelism) throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        TestingSinks.Collecting<Tuple2<Long, Long>> sink = new TestingSinks.Collecting<>();
        env.fromSource(new TestingSequenceSource(100_000, 7_000), "numbers")
                .map(x -> x * 3 + 1)
                .filter(x -> x % 2 == 0)
                .keyBy(x -> x % 13)
                .sum(x -> x)
                .sinkTo(sink);
        JobExecutionResult result = env.execute("keyed-sum");
        List<Tuple2<Long, Long>> out = result.getAccumulatorResult(sink.name());

        Map<Long, Long> expectedFinal = new HashMap<>();
        long expectedCount = 0;
        for (long x = 0; x < 100_000; x++) {
            long y = x * 3 + 1;
            if (y % 2 == 0) {
                expectedFinal.merge(y % 13, y, Long::sum);
                expectedCount++;
            }
        }
        Map<Long, Long> finalSums = new HashMap<>();
        for (Tuple2<Long, Long> t : out) {
            finalSums.merge(t.f0(), t.f1(), Math::max);
        }
        assertEquals(expectedCount, out.size());
        assertEquals(expectedFinal, finalSums);
        assertEquals(new ArrayList<>(expectedFinal.keySet()).size(), finalSums.size());
    }
}
