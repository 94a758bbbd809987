package io.runnel.connector.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runnel.api.common.Accumulator;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobId;
import io.runnel.api.common.ListAccumulator;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.connector.testing.TestingWriterInitContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectSinkTest {

    @Test
    void eachWriterFillsAListAccumulatorUnderTheSinksOwnName() throws Exception {
        CollectSink<String> sink = new CollectSink<>();
        assertNotEquals(sink.getAccumulatorName(), new CollectSink<String>().getAccumulatorName());
        TestingWriterInitContext context = new TestingWriterInitContext(0, 1);

        try (SinkWriter<String> writer = sink.createWriter(context)) {
            writer.write("a", () -> null);
            writer.write("b", () -> null);
            writer.flush(true);
        }

        Accumulator<?, ?> acc = context.testingRuntimeContext().accumulators().get(sink.getAccumulatorName());
        assertEquals(List.of("a", "b"), acc.getLocalValue());
    }

    @Test
    void getResultsReadsTheMergedListFromTheJobResult() {
        CollectSink<String> sink = new CollectSink<>();
        JobExecutionResult merged = result(Map.of(sink.getAccumulatorName(), new ArrayList<>(List.of("x", "y"))));
        ListAccumulator<String> acc = new ListAccumulator<>();
        acc.add("z");
        JobExecutionResult asAccumulator = result(Map.of(sink.getAccumulatorName(), acc));

        assertEquals(List.of("x", "y"), sink.getResults(merged));
        assertEquals(List.of("z"), sink.getResults(asAccumulator));
        assertThrows(IllegalArgumentException.class, () -> sink.getResults(result(Map.of())));
    }

    private static JobExecutionResult result(Map<String, Object> accumulators) {
        return new JobExecutionResult(JobId.generate(), Duration.ofMillis(1), accumulators);
    }
}
