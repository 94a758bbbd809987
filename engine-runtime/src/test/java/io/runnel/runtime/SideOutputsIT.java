package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.OutputTag;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Side outputs reach exactly the consumers of their tag, chained or over the network. */
class SideOutputsIT {

    private static final long N = 10_000;
    private static final OutputTag<String> ODD = new OutputTag<>("odd") { };
    private static final OutputTag<Long> MULTIPLES_OF_3 = new OutputTag<>("three") { };

    /** Evens go to the main output, odds to "odd" as strings, multiples of 3 also to "three". */
    static final class Split extends ProcessFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long v, Context ctx, Collector<Long> out) {
            if (v % 2 == 0) {
                out.collect(v);
            } else {
                ctx.output(ODD, "odd-" + v);
            }
            if (v % 3 == 0) {
                ctx.output(MULTIPLES_OF_3, v);
            }
        }
    }

    @Test
    void eachSideOutputGetsExactlyItsRecords() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        SingleOutputStreamOperator<Long> split = env.fromSource(new TestingSequenceSource(N, 1_000), "numbers")
                .process(new Split());
        TestingSinks.Collecting<Long> evens = new TestingSinks.Collecting<>();
        TestingSinks.Collecting<String> odds = new TestingSinks.Collecting<>();
        TestingSinks.Collecting<Long> threes = new TestingSinks.Collecting<>();
        split.sinkTo(evens);
        // Chained (same parallelism, forward) for "odd"; over the network (parallelism 1) for "three".
        split.getSideOutput(ODD).sinkTo(odds);
        split.getSideOutput(MULTIPLES_OF_3).map(v -> v * 10).setParallelism(1).sinkTo(threes);
        JobExecutionResult result = env.execute("side outputs");

        List<Long> expectedEvens = new ArrayList<>();
        List<String> expectedOdds = new ArrayList<>();
        List<Long> expectedThrees = new ArrayList<>();
        for (long v = 0; v < N; v++) {
            if (v % 2 == 0) {
                expectedEvens.add(v);
            } else {
                expectedOdds.add("odd-" + v);
            }
            if (v % 3 == 0) {
                expectedThrees.add(v * 10);
            }
        }
        assertEquals(expectedEvens, sorted(result.getAccumulatorResult(evens.name())));
        List<String> gotOdds = new ArrayList<>(result.getAccumulatorResult(odds.name()));
        Collections.sort(gotOdds);
        Collections.sort(expectedOdds);
        assertEquals(expectedOdds, gotOdds);
        assertEquals(expectedThrees, sorted(result.getAccumulatorResult(threes.name())));
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
