package io.runnel.examples.hourly;

import io.runnel.examples.ExampleArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The arguments of {@link FlightDelaysHourly} and {@link RouteSessions}:
 * {@code [--input PATH] [--output DIR] [--state heap|rocksdb] [--parallelism N] [--rate N]}, and for
 * {@link FlightDelaysHourly} only {@code [--kafka BOOTSTRAP [--input-topic T] [--output-topic T] [--bounded]]}
 * instead of {@code --input}/{@code --output}.
 *
 * <p><b>Contract:</b> {@link #parse} throws {@link IllegalArgumentException} with a one-line message for an unknown
 * option, a missing value, an input file that does not exist, an unknown state backend, a parallelism below 1, a
 * rate below 1, {@code --kafka} together with {@code --input} or {@code --output}, a Kafka option without
 * {@code --kafka}, or a blank bootstrap address or topic.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param input the flight file (plain or .gz CSV), or empty for the bundled 20,000-flight sample
 * @param output the directory for the part files (unused with {@code kafka})
 * @param stateBackend {@code heap} or {@code rocksdb}, or empty to keep the environment's (e.g. set by
 *     {@code runnel run --state}; heap if none)
 * @param parallelism the job's parallelism, or empty to keep the environment's
 * @param rate at most this many flights per second are read, or empty for as fast as possible
 * @param kafka where to read flights and write results instead of files, or empty for files
 */
public record FlightDelaysHourlyArgs(Optional<Path> input, Path output, Optional<String> stateBackend,
                                     OptionalInt parallelism, OptionalInt rate, Optional<KafkaTopics> kafka) {

    /** The example whose arguments include the Kafka options. */
    static final String HOURLY = "flight-delays-hourly";
    /** Default of {@code --input-topic}. */
    public static final String DEFAULT_INPUT_TOPIC = "flights";
    /** Default of {@code --output-topic}. */
    public static final String DEFAULT_OUTPUT_TOPIC = "flight-delays-hourly";

    private static final Set<String> FILE_OPTIONS = Set.of("input", "output", "state", "parallelism", "rate");
    private static final Set<String> KAFKA_OPTIONS = Set.of("kafka", "input-topic", "output-topic");
    private static final Set<String> KAFKA_FLAGS = Set.of("bounded");

    /**
     * Where {@link FlightDelaysHourly} reads flights and writes its lines when run with {@code --kafka}.
     *
     * <p><b>Threading:</b> immutable.
     *
     * @param bootstrapServers {@code host:port[,host:port...]} of the Kafka cluster
     * @param inputTopic the topic of flight CSV lines, one per record value (UTF-8)
     * @param outputTopic the topic the result lines go to, one per record value (UTF-8), in transactions
     * @param bounded true to stop at the input partitions' end offsets as seen at the start, false to read on
     */
    public record KafkaTopics(String bootstrapServers, String inputTopic, String outputTopic, boolean bounded) {
    }

    /**
     * @param example the example's name (for messages and the default output directory); the Kafka options are
     *     accepted only for {@code flight-delays-hourly}
     * @param args the raw arguments
     * @return the parsed arguments
     * @throws IllegalArgumentException if they are invalid (see the class comment)
     */
    public static FlightDelaysHourlyArgs parse(String example, String... args) {
        boolean kafkaOptions = example.equals(HOURLY);
        Set<String> single = FILE_OPTIONS;
        if (kafkaOptions) {
            single = new HashSet<>(FILE_OPTIONS);
            single.addAll(KAFKA_OPTIONS);
        }
        ExampleArgs parsed = ExampleArgs.parse(example, usage(example), args, single, Set.of(),
                kafkaOptions ? KAFKA_FLAGS : Set.of());
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
                parsed.getInt("rate", 1), kafka(example, parsed));
    }

    private static Optional<KafkaTopics> kafka(String example, ExampleArgs parsed) {
        Optional<String> bootstrap = parsed.get("kafka");
        if (bootstrap.isEmpty()) {
            for (String name : new String[] {"input-topic", "output-topic", "bounded"}) {
                if (parsed.isSet(name)) {
                    throw new IllegalArgumentException(example + ": --" + name + " needs --kafka");
                }
            }
            return Optional.empty();
        }
        // With --kafka the flights come from a topic and the lines go to one: a file option would be silently
        // ignored, which hides a mistake.
        for (String name : new String[] {"input", "output"}) {
            if (parsed.isSet(name)) {
                throw new IllegalArgumentException(example + ": --" + name + " and --kafka exclude each other");
            }
        }
        return Optional.of(new KafkaTopics(nonBlank(example, "kafka", bootstrap.get()),
                nonBlank(example, "input-topic", parsed.get("input-topic").orElse(DEFAULT_INPUT_TOPIC)),
                nonBlank(example, "output-topic", parsed.get("output-topic").orElse(DEFAULT_OUTPUT_TOPIC)),
                parsed.isSet("bounded")));
    }

    private static String nonBlank(String example, String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(example + ": --" + name + " must not be blank");
        }
        return value.trim();
    }

    /** Parses the arguments of {@link FlightDelaysHourly}. */
    public static FlightDelaysHourlyArgs parse(String... args) {
        return parse(HOURLY, args);
    }

    /** @return the usage line of the example named {@code example} */
    static String usage(String example) {
        String files = example + " [--input PATH] [--output DIR] [--state heap|rocksdb] [--parallelism N] [--rate N]";
        if (!example.equals(HOURLY)) {
            return files;
        }
        return files + " | " + example + " --kafka BOOTSTRAP [--input-topic T] [--output-topic T] [--bounded]"
                + " [--state heap|rocksdb] [--parallelism N] [--rate N]";
    }
}
