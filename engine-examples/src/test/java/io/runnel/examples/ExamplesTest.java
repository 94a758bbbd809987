package io.runnel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.examples.flights.FlightDelays;
import io.runnel.examples.hourly.FlightDelaysHourly;
import io.runnel.examples.hourly.RouteSessions;
import io.runnel.examples.wordcount.WordCount;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplesTest {

    @Test
    void listsEveryExampleByName() {
        assertEquals(List.of("flight-delays", "flight-delays-hourly", "route-sessions", "word-count"),
                Examples.all().stream().map(Examples.Example::name).toList());
        assertEquals(FlightDelaysHourly.class, Examples.find("flight-delays-hourly").orElseThrow().mainClass());
        assertEquals(RouteSessions.class, Examples.find("route-sessions").orElseThrow().mainClass());
        assertEquals(FlightDelays.class, Examples.find("flight-delays").orElseThrow().mainClass());
        assertEquals(WordCount.class, Examples.find("word-count").orElseThrow().mainClass());
        assertTrue(Examples.find("flight_delays").isEmpty());
    }

    @Test
    void flightDelaysDescriptionListsEveryOption() {
        String description = Examples.find("flight-delays").orElseThrow().description();
        for (String option : List.of("[--input PATH]", "[--min-flights N]", "[--parallelism N]")) {
            assertTrue(description.contains(option), description);
        }
    }

    @Test
    void bundledInputsAreOnTheClassPath() throws Exception {
        assertEquals(20_001, Files.readAllLines(BundledInput.extract(FlightDelays.BUNDLED_INPUT))
                .size());
        assertTrue(Files.size(BundledInput.extract(WordCount.BUNDLED_INPUT)) > 1000);
    }
}
