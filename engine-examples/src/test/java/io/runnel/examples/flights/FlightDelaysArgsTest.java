package io.runnel.examples.flights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlightDelaysArgsTest {

    @Test
    void defaultsToBundledInputAndOneHundredFlights() {
        assertEquals(new FlightDelaysArgs(Optional.empty(), 100, OptionalInt.empty()), FlightDelaysArgs.parse());
    }

    @Test
    void readsAllOptionsInBothForms(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f.csv"), "date,delay,distance,origin,destination\n");
        FlightDelaysArgs args = FlightDelaysArgs.parse("--input", file.toString(), "--min-flights=1000",
                "--parallelism", "3");
        assertEquals(new FlightDelaysArgs(Optional.of(file), 1000, OptionalInt.of(3)), args);
    }

    @Test
    void rejectsBadArgumentsWithOneLineMessages() {
        assertMessage("flight-delays: --min-flights expects a whole number >= 0, got 'abc'", "--min-flights", "abc");
        assertMessage("flight-delays: --parallelism expects a whole number >= 1, got '0'", "--parallelism", "0");
        assertMessage("flight-delays: unknown option '--top' (usage: " + FlightDelaysArgs.USAGE + ")", "--top", "5");
        assertMessage("flight-delays: unexpected argument 'x.csv' (usage: " + FlightDelaysArgs.USAGE + ")", "x.csv");
        assertMessage("flight-delays: --input needs a value", "--input");
        assertMessage("flight-delays: --min-flights given more than once", "--min-flights", "1", "--min-flights",
                "2");
        assertMessage("flight-delays: input file not found: /no/such/file.csv", "--input", "/no/such/file.csv");
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlightDelaysArgs.parse(args));
        assertEquals(expected, e.getMessage());
    }
}
