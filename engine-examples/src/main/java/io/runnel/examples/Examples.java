package io.runnel.examples;

import io.runnel.examples.flights.FlightDelays;
import io.runnel.examples.hourly.FlightDelaysHourly;
import io.runnel.examples.hourly.RouteSessions;
import io.runnel.examples.wordcount.WordCount;
import java.util.List;
import java.util.Optional;

/**
 * The registry of example jobs bundled with Runnel, by the short name that {@code runnel run NAME} accepts.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class Examples {

    /**
     * One bundled example.
     *
     * @param name the short name, e.g. {@code flight-delays}
     * @param mainClass the class whose {@code main(String[])} runs it
     * @param description one line for listings
     */
    public record Example(String name, Class<?> mainClass, String description) {
    }

    private static final List<Example> ALL = List.of(
            new Example("flight-delays", FlightDelays.class,
                    "Top 10 U.S. airports by mean departure delay [--input PATH] [--min-flights N] "
                            + "[--parallelism N]"),
            new Example("flight-delays-hourly", FlightDelaysHourly.class,
                    "Per airport and hour (event time): flights, mean and max delay, to files [--input PATH] "
                            + "[--output DIR] [--state heap|rocksdb] [--parallelism N] [--rate N]"),
            new Example("route-sessions", RouteSessions.class,
                    "Sessions of flights per route (event-time session windows, gap 2 h), to files [--input PATH] "
                            + "[--output DIR] [--state heap|rocksdb] [--parallelism N] [--rate N]"),
            new Example("word-count", WordCount.class,
                    "Running count of each word in text files [--input PATH]..."));

    private Examples() {
    }

    /** @return every bundled example, in listing order */
    public static List<Example> all() {
        return ALL;
    }

    /** @return the example with that name, if any */
    public static Optional<Example> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
