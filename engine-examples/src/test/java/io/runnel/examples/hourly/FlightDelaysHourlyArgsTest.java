package io.runnel.examples.hourly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FlightDelaysHourlyArgsTest {

    @Test
    void defaultsKeepTheEnvironmentsStateBackendAndReadAsFastAsPossible() {
        assertEquals(new FlightDelaysHourlyArgs(Optional.empty(), Paths.get("flight-delays-hourly-output"),
                Optional.empty(), OptionalInt.empty(), OptionalInt.empty()), FlightDelaysHourlyArgs.parse());
    }

    @Test
    void readsStateParallelismAndRate() {
        FlightDelaysHourlyArgs args = FlightDelaysHourlyArgs.parse("route-sessions", new String[] {"--output",
                "out", "--state=rocksdb", "--parallelism", "3", "--rate", "5000"});
        assertEquals(new FlightDelaysHourlyArgs(Optional.empty(), Path.of("out"), Optional.of("rocksdb"),
                OptionalInt.of(3), OptionalInt.of(5000)), args);
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
}
