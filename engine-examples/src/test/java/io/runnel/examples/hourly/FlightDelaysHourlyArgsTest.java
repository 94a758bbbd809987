package io.runnel.examples.hourly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FlightDelaysHourlyArgsTest {

    @Test
    void defaultsKeepTheEnvironmentsStateBackendAndReadAsFastAsPossible() {
        assertEquals(new FlightDelaysHourlyArgs(Optional.empty(), Paths.get("flight-delays-hourly-output"),
                Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty()),
                FlightDelaysHourlyArgs.parse());
    }

    @Test
    void readsStateParallelismAndRate() {
        FlightDelaysHourlyArgs args = FlightDelaysHourlyArgs.parse("route-sessions", new String[] {"--output",
                "out", "--state=rocksdb", "--parallelism", "3", "--rate", "5000"});
        assertEquals(new FlightDelaysHourlyArgs(Optional.empty(), Path.of("out"), Optional.of("rocksdb"),
                OptionalInt.of(3), OptionalInt.of(5000), Optional.empty()), args);
    }

    @Test
    void kafkaDefaultsToTheFlightsTopicsAndReadsOn() {
        FlightDelaysHourlyArgs args = hourlyArgs("--kafka", "localhost:9092");
        assertEquals(Optional.of(new FlightDelaysHourlyArgs.KafkaTopics("localhost:9092", "flights",
                "flight-delays-hourly", false)), args.kafka());
    }

    @Test
    void readsKafkaTopicsAndTheBoundedFlag() {
        FlightDelaysHourlyArgs args = hourlyArgs("--kafka=h1:1,h2:2", "--input-topic", "in",
                "--bounded", "--output-topic", "out", "--parallelism", "2");
        assertEquals(Optional.of(new FlightDelaysHourlyArgs.KafkaTopics("h1:1,h2:2", "in", "out", true)),
                args.kafka());
        assertEquals(OptionalInt.of(2), args.parallelism());
    }

    @Test
    void rejectsKafkaOptionsThatConflictOrLackKafka() {
        assertMessage("flight-delays-hourly: --output and --kafka exclude each other", "--kafka", "h:1", "--output",
                "dir");
        assertMessage("flight-delays-hourly: --input-topic needs --kafka", "--input-topic", "flights");
        assertMessage("flight-delays-hourly: --bounded needs --kafka", "--bounded");
        assertMessage("flight-delays-hourly: --bounded takes no value", "--kafka", "h:1", "--bounded=yes");
        assertMessage("flight-delays-hourly: --output-topic must not be blank", "--kafka", "h:1", "--output-topic",
                " ");
    }

    @Test
    void routeSessionsHasNoKafkaOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlightDelaysHourlyArgs.parse("route-sessions", new String[] {"--kafka", "h:1"}));
        assertEquals("route-sessions: unknown option '--kafka' (usage: "
                + FlightDelaysHourlyArgs.usage("route-sessions") + ")", e.getMessage());
    }

    @Test
    void checkpointsEverySecondUnlessTheEnvironmentSetsAnInterval() {
        StreamExecutionEnvironment unset = new StreamExecutionEnvironment(new Configuration());
        FlightDelaysHourly.enableDefaultCheckpointing(unset);
        assertEquals(Duration.ofSeconds(1), unset.getCheckpointConfig().getCheckpointInterval());

        Configuration off = new Configuration();
        off.set(CheckpointingOptions.INTERVAL, Duration.ZERO);
        StreamExecutionEnvironment keptOff = new StreamExecutionEnvironment(off);
        FlightDelaysHourly.enableDefaultCheckpointing(keptOff);
        assertFalse(keptOff.getCheckpointConfig().isCheckpointingEnabled());

        Configuration fast = new Configuration();
        fast.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(200));
        StreamExecutionEnvironment keptFast = new StreamExecutionEnvironment(fast);
        FlightDelaysHourly.enableDefaultCheckpointing(keptFast);
        assertEquals(Duration.ofMillis(200), keptFast.getCheckpointConfig().getCheckpointInterval());
    }

    @Test
    void rejectsBadStateAndRateWithOneLineMessages() {
        assertMessage("flight-delays-hourly: --state must be heap or rocksdb, not 'lmdb'", "--state", "lmdb");
        assertMessage("flight-delays-hourly: --rate expects a whole number >= 1, got '0'", "--rate", "0");
        assertMessage("flight-delays-hourly: unknown option '--speed' (usage: "
                + FlightDelaysHourlyArgs.usage("flight-delays-hourly") + ")", "--speed", "5");
    }

    @Test
    void aStateBackendSetByTheEnvironmentWinsUnlessTheJobNamesOne() {
        Configuration conf = new Configuration().setString("state.backend", "rocksdb");
        StreamExecutionEnvironment kept = new StreamExecutionEnvironment(conf);
        FlightDelaysHourly.configure(kept, -1, null);
        assertEquals("rocksdb", kept.getConfiguration().toMap().get("state.backend"));

        StreamExecutionEnvironment chosen = new StreamExecutionEnvironment(conf);
        FlightDelaysHourly.configure(chosen, -1, "heap");
        assertEquals("hashmap", chosen.getConfiguration().toMap().get("state.backend"));
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlightDelaysHourlyArgs.parse(args));
        assertEquals(expected, e.getMessage());
    }

    /** Parses as {@code runnel run flight-delays-hourly ARGS} does (an array picks the one-argument overload). */
    private static FlightDelaysHourlyArgs hourlyArgs(String... args) {
        return FlightDelaysHourlyArgs.parse(args);
    }
}
