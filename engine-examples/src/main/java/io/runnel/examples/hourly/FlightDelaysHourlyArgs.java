package io.runnel.examples.hourly;

import io.runnel.examples.ExampleArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The arguments of {@link FlightDelaysHourly} and {@link RouteSessions}:
 * {@code [--input PATH] [--output DIR] [--state heap|rocksdb] [--parallelism N] [--rate N]}.
 *
 * <p><b>Contract:</b> {@link #parse} throws {@link IllegalArgumentException} with a one-line message for an unknown
 * option, a missing value, an input file that does not exist, an unknown state backend, a parallelism below 1 or a
 * rate below 1.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param input the flight file (plain or .gz CSV), or empty for the bundled 20,000-flight sample
 * @param output the directory for the part files
 * @param stateBackend {@code heap} or {@code rocksdb}, or empty to keep the environment's (e.g. set by
 *     {@code runnel run --state}; heap if none)
 * @param parallelism the job's parallelism, or empty to keep the environment's
 * @param rate at most this many flights per second are read, or empty for as fast as possible
 */
public record FlightDelaysHourlyArgs(Optional<Path> input, Path output, Optional<String> stateBackend,
                                     OptionalInt parallelism, OptionalInt rate) {

    /**
     * @param example the example's name (for messages and the default output directory)
     * @param args the raw arguments
     * @return the parsed arguments
     * @throws IllegalArgumentException if they are invalid (see the class comment)
     */
    public static FlightDelaysHourlyArgs parse(String example, String... args) {
        ExampleArgs parsed = ExampleArgs.parse(example, usage(example), args,
                Set.of("input", "output", "state", "parallelism", "rate"), Set.of());
        Optional<Path> input = parsed.get("input").map(Paths::get);
        if (input.isPresent() && !Files.isRegularFile(input.get())) {
            throw new IllegalArgumentException(example + ": input file not found: " + input.get());
        }
        Optional<String> state = parsed.get("state");
        if (state.isPresent() && !state.get().equals("heap") && !state.get().equals("rocksdb")) {
            throw new IllegalArgumentException(example + ": --state must be heap or rocksdb, not '" + state.get()
                    + "'");
        }
        Path output = parsed.get("output").map(Paths::get).orElse(Paths.get(example + "-output"));
        return new FlightDelaysHourlyArgs(input, output, state, parsed.getInt("parallelism", 1),
                parsed.getInt("rate", 1));
    }

    /** Parses the arguments of {@link FlightDelaysHourly}. */
    public static FlightDelaysHourlyArgs parse(String... args) {
        return parse("flight-delays-hourly", args);
    }

    /** @return the usage line of the example named {@code example} */
    static String usage(String example) {
        return example + " [--input PATH] [--output DIR] [--state heap|rocksdb] [--parallelism N] [--rate N]";
    }
}
