package io.runnel.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.Tuple2;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.Collector;
import io.runnel.connector.collect.CollectSink;
import io.runnel.connector.file.TextLineFileSource;
import io.runnel.connector.print.PrintSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job shown in README.md, line for line, checked against a plain count; keep the two in step. */
class ReadmeJobIT {

    @Test
    void readmeWordCountJobCountsEveryWord(@TempDir Path dir) throws Exception {
        String text = "The river runs.\nA river, the sea; the river!\n";
        Files.writeString(dir.resolve("input.txt"), text);
        CollectSink<Tuple2<String, Long>> collect = new CollectSink<>();

        // --- README snippet (with the input under a temp dir) ---
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        SingleOutputStreamOperator<Tuple2<String, Long>> counts = env
                .fromSource(new TextLineFileSource(dir.resolve("input.txt")), "lines")
                .flatMap((String line, Collector<String> out) -> {
                    for (String w : line.toLowerCase().split("\\W+")) {
                        if (!w.isEmpty()) {
                            out.collect(w);
                        }
                    }
                })
                .returns(String.class)
                .keyBy(word -> word)
                .sum(word -> 1L);                     // running (word, count) per word, in keyed state
        counts.sinkTo(new PrintSink<>());
        // --- end of README snippet ---
        counts.sinkTo(collect);
        JobExecutionResult result = env.execute("word count");

        Map<String, Long> expected = new HashMap<>();
        for (String w : text.toLowerCase().split("\\W+")) {
            if (!w.isEmpty()) {
                expected.merge(w, 1L, Long::sum);
            }
        }
        Map<String, Long> finalCounts = new HashMap<>();
        List<Tuple2<String, Long>> out = collect.getResults(result);
        out.forEach(t -> finalCounts.merge(t.f0(), t.f1(), Math::max));
        assertEquals(expected, finalCounts);
        assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), out.size());
    }
}
