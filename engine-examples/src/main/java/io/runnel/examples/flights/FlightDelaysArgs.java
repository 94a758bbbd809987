package io.runnel.examples.flights;

import io.runnel.examples.ExampleArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The arguments of {@link FlightDelays}: {@code [--input PATH] [--min-flights N] [--parallelism N]}.
 *
 * <p><b>Contract:</b> {@link #parse} throws {@link IllegalArgumentException} with a one-line message for an
 * unknown option, a missing value, a number that is not a whole number in range, or an input file that does not
 * exist.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param input the flight file (plain or .gz CSV), or empty for the bundled 20,000-flight sample
 * @param minFlights the smallest number of flights an airport needs to be ranked
 * @param parallelism the job's default parallelism, or empty to keep the environment's
 */
public record FlightDelaysArgs(Optional<Path> input, int minFlights, OptionalInt parallelism) {

    /** Default of {@code --min-flights}. */
    public static final int DEFAULT_MIN_FLIGHTS = 100;

    static final String USAGE = "flight-delays [--input PATH] [--min-flights N] [--parallelism N]";

    /**
     * @param args the raw arguments
     * @return the parsed arguments
     * @throws IllegalArgumentException if they are invalid (see the class comment)
     */
    public static FlightDelaysArgs parse(String... args) {
        ExampleArgs parsed = ExampleArgs.parse("flight-delays", USAGE, args,
                Set.of("input", "min-flights", "parallelism"), Set.of());
        Optional<Path> input = parsed.get("input").map(Paths::get);
        if (input.isPresent() && !Files.isRegularFile(input.get())) {
            throw new IllegalArgumentException("flight-delays: input file not found: " + input.get());
        }
        int minFlights = parsed.getInt("min-flights", 0).orElse(DEFAULT_MIN_FLIGHTS);
        return new FlightDelaysArgs(input, minFlights, parsed.getInt("parallelism", 1));
    }
}
