package io.runnel.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionException;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.examples.BundledInput;
import io.runnel.examples.flights.FlightDelays;
import io.runnel.examples.hourly.FlightCsv;
import io.runnel.examples.hourly.FlightDelaysHourly;
import io.runnel.examples.hourly.FlightDelaysHourlyArgs;
import io.runnel.examples.hourly.HourlyReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * FlightDelaysHourly with {@code --kafka} against a real embedded broker: the bundled 20,000 flight lines go into
 * input topics of 1 and 3 partitions, the job runs bounded, and the output topic read with {@code read_committed}
 * must hold exactly {@link HourlyReference}'s lines, each once.
 *
 * <p>In the Kafka connector's package (though in engine-examples) to use its package-private
 * {@link EmbeddedKafkaBroker} from the connector's test-jar, which keeps all broker-embedding code in one class.
 */
class FlightDelaysHourlyKafkaIT {

    private static EmbeddedKafkaBroker broker;
    private static Path input;

    @BeforeAll
    static void startBrokerAndWriteFlights() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        input = BundledInput.extract(FlightDelays.BUNDLED_INPUT);
        // The whole file, header included (the job skips it), round robin: each partition stays in date order, and
        // a subtask that reads several partitions sees them interleaved far beyond the 10-minute bound, which only
        // per-partition watermarks get right.
        List<String> lines = Files.readAllLines(input);
        assertEquals(FlightCsv.HEADER, lines.get(0));
        for (int partitions : new int[] {1, 3}) {
            broker.createTopic(inputTopic(partitions), partitions);
            broker.produce(inputTopic(partitions), lines, i -> i % partitions);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static String inputTopic(int partitions) {
        return "flights-" + partitions;
    }

    /**
     * One partition per subtask, several per subtask (each partition's watermark holds the subtask's back from its
     * assignment on, so a partition fetched first does not make the others' flights late), and an idle subtask.
     */
    @ParameterizedTest(name = "{0} partitions at parallelism {1}")
    @org.junit.jupiter.params.provider.CsvSource({"1, 1", "3, 1", "3, 2", "3, 3", "3, 4"})
    void committedOutputTopicHoldsTheReferenceLinesOnce(int partitions, int parallelism) throws Exception {
        assertOutputMatchesReference(partitions, parallelism);
    }

    private static void assertOutputMatchesReference(int partitions, int parallelism) throws Exception {
        String outputTopic = "hourly-" + partitions + "-p" + parallelism;
        broker.createTopic(outputTopic, 2);
        Configuration conf = new Configuration();
        // Several transactions per run, so that the output is the union of committed checkpoints.
        conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
        FlightDelaysHourly.run(new StreamExecutionEnvironment(conf), hourlyArgs("--kafka",
                broker.bootstrapServers(), "--input-topic", inputTopic(partitions), "--output-topic", outputTopic,
                "--bounded", "--parallelism", Integer.toString(parallelism), "--rate", "20000"));

        List<String> got = new ArrayList<>();
        broker.readAll(outputTopic, "read_committed").forEach(r -> got.add(r.value()));
        Collections.sort(got);
        List<String> expected = HourlyReference.hourly(HourlyReference.read(input), r -> true);
        if (!expected.equals(got)) {
            // The full lists are 17,473 lines each: name the difference instead.
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(got);
            List<String> extra = new ArrayList<>(got);
            extra.removeAll(expected);
            fail("expected " + expected.size() + " lines, got " + got.size() + "; missing " + missing.size()
                    + " (first: " + missing.subList(0, Math.min(5, missing.size())) + "), unexpected " + extra.size()
                    + " (first: " + extra.subList(0, Math.min(5, extra.size())) + ")");
        }
    }

    @Test
    void aMalformedLineFailsTheJobNamingTopicPartitionOffsetAndTheReason() throws Exception {
        String badTopic = "bad-flights";
        broker.createTopic(badTopic, 1);
        broker.produce(badTopic, List.of("2001-01-01 00:47:00,66,1750,DTW,LAS", "2001-01-01 01:10:00,soon,2399,HNL"),
                i -> 0);
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setRestartStrategy(RestartStrategies.noRestart());

        JobExecutionException e = assertThrows(JobExecutionException.class, () -> FlightDelaysHourly.run(env,
                hourlyArgs("--kafka", broker.bootstrapServers(), "--input-topic", badTopic,
                        "--output-topic", "bad-hourly", "--bounded", "--parallelism", "1")));
        String expected = "Cannot deserialize the record at offset 1 of partition 0 of topic 'bad-flights': expected 5 "
                + "fields, got 4: \"2001-01-01 01:10:00,soon,2399,HNL\"";
        assertTrue(messages(e).contains(expected), messages(e));
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append('\n');
        }
        return all.toString();
    }

    /** Parses as {@code runnel run flight-delays-hourly ARGS} does (an array picks the one-argument overload). */
    private static FlightDelaysHourlyArgs hourlyArgs(String... args) {
        return FlightDelaysHourlyArgs.parse(args);
    }
}
