package io.runnel.connector.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.collect.CollectSink;
import io.runnel.connector.testing.SummingSink;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceSourceIT {

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void sumOfTheSequenceEqualsTheFormula(int parallelism) throws Exception {
        long n = 2_000_000;
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        env.fromSource(new SequenceSource(1, n), "numbers").sinkTo(new SummingSink());

        JobExecutionResult result = env.execute("sequence sum p=" + parallelism);

        assertEquals(n, result.getCounter(SummingSink.COUNT));
        assertEquals(n * (n + 1) / 2, result.getCounter(SummingSink.SUM));
    }

    @Test
    void everyNumberArrivesOnceThroughARebalance() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(3);

        List<Long> out = CollectSink.executeAndCollect(
                env.fromSource(new SequenceSource(-500, 4999), "numbers").rebalance().map(x -> x * 2), "doubles");

        assertEquals(IntStream.rangeClosed(-500, 4999).mapToObj(i -> 2L * i).toList(), out.stream().sorted().toList());
    }
}
