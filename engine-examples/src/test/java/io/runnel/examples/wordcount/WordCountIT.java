package io.runnel.examples.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.Tuple2;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.collect.CollectSink;
import io.runnel.examples.BundledInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@link WordCount} on the embedded MiniCluster and compares it with a plain-Java count over the same files:
 * the last running count of each word must be its total, and there is one update per occurrence.
 */
class WordCountIT {

    /** Independent tokenizer: maximal runs of letters and digits, lower-cased. */
    private static Map<String, Long> plainJavaCount(List<Path> files) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (Path file : files) {
            StringBuilder word = new StringBuilder();
            for (char c : (Files.readString(file) + " ").toCharArray()) {
                if (Character.isLetterOrDigit(c)) {
                    word.append(Character.toLowerCase(c));
                } else if (word.length() > 0) {
                    counts.merge(word.toString(), 1L, Long::sum);
                    word.setLength(0);
                }
            }
        }
        return counts;
    }

    private static List<Tuple2<String, Long>> runJob(List<Path> inputs, int parallelism) throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        CollectSink<Tuple2<String, Long>> sink = new CollectSink<>();
        WordCount.buildPipeline(env, inputs).sinkTo(sink);
        JobExecutionResult result = env.execute("WordCountIT");
        return sink.getResults(result);
    }

    private static void assertCountsMatch(List<Path> inputs, int parallelism) throws Exception {
        Map<String, Long> expected = plainJavaCount(inputs);
        List<Tuple2<String, Long>> updates = runJob(inputs, parallelism);
        // Running counts only grow, so the largest update of a word is its final count, whatever the order.
        Map<String, Long> finalCounts = new HashMap<>();
        updates.forEach(u -> finalCounts.merge(u.f0(), u.f1(), Math::max));
        assertEquals(expected, finalCounts);
        assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), updates.size());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void countsBundledTextLikePlainJava(int parallelism) throws Exception {
        assertCountsMatch(List.of(BundledInput.extract(WordCount.BUNDLED_INPUT)), parallelism);
    }

    @Test
    void countsAcrossSeveralFiles(@TempDir Path dir) throws Exception {
        List<Path> inputs = new ArrayList<>();
        inputs.add(Files.writeString(dir.resolve("a.txt"), "The river, the RIVER!\n\nand the sea.\n"));
        inputs.add(Files.writeString(dir.resolve("b.txt"), "  sea-river 2001 the\n"));
        inputs.add(BundledInput.extract(WordCount.BUNDLED_INPUT));
        assertCountsMatch(inputs, 2);
    }
}
