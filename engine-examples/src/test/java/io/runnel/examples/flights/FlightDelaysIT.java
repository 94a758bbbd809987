package io.runnel.examples.flights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.collect.CollectSink;
import io.runnel.examples.BundledInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs {@link FlightDelays} on the embedded MiniCluster over the bundled 20,000 flights and compares its lines
 * with {@link FlightDelaysReference}, a plain-Java computation over the same file.
 */
class FlightDelaysIT {

    private static List<String> runJob(Path input, int parallelism, int minFlights) throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        CollectSink<String> sink = new CollectSink<>();
        // One sink subtask keeps the job's rank order in the collected list.
        FlightDelays.buildPipeline(env, input, minFlights).sinkTo(sink).setParallelism(1);
        JobExecutionResult result = env.execute("FlightDelaysIT");
        return sink.getResults(result);
    }

    private static List<String> reference(Path csv, int minFlights) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            boolean gz = csv.getFileName().toString().endsWith(".gz");
            return FlightDelaysReference.topLines(gz ? new GZIPInputStream(in) : in, minFlights,
                    FlightDelays.TOP_N);
        }
    }

    /** Only 2 airports of the bundled sample have 1,000 flights or more; the others fill all 10 lines. */
    @ParameterizedTest(name = "parallelism {0}, min flights {1}")
    @CsvSource({"1, 100, 10", "2, 100, 10", "4, 100, 10", "2, 1000, 2", "3, 0, 10"})
    void matchesPlainJavaReferenceOnBundledFlights(int parallelism, int minFlights, int lines) throws Exception {
        Path input = BundledInput.extract(FlightDelays.BUNDLED_INPUT);
        List<String> expected = reference(input, minFlights);
        assertEquals(lines, expected.size(), "airports of the bundled file with " + minFlights + " flights");
        assertEquals(expected, runJob(input, parallelism, minFlights));
    }

    @Test
    void readsGzipInput(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("flights.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(BundledInput.extract(FlightDelays.BUNDLED_INPUT), out);
        }
        assertEquals(reference(gz, 100), runJob(gz, 2, 100));
    }
}
