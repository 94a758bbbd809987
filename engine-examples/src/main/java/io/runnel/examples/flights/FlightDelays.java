package io.runnel.examples.flights;

import io.runnel.api.common.JobExecutionException;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.environment.ExecutionOptions;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.file.CsvSource;
import io.runnel.connector.print.PrintSink;
import io.runnel.examples.BundledInput;
import java.nio.file.Path;

/**
 * Runnel's main example job: which U.S. airports had the worst mean departure delay? Reads real flight records
 * ({@code date,delay,distance,origin,destination}), counts the flights and sums the delays of each origin airport
 * in keyed state, and prints the 10 airports with the highest mean delay among those with at least
 * {@code --min-flights} flights (default 100), one line each: {@code origin,flights,mean_delay}.
 *
 * <pre>
 *   CsvSource(Flight) → keyBy(origin) → aggregate(DelayAggregate) → TopDelays (parallelism 1) → PrintSink
 * </pre>
 *
 * <p>Arguments: see {@link FlightDelaysArgs}. Without {@code --input} it reads the bundled 20,000-flight sample.
 * Without {@code --parallelism} it keeps a parallelism set by the environment (e.g. {@code runnel run
 * --parallelism N}), else uses 2.
 *
 * <p><b>Errors:</b> invalid arguments throw {@link IllegalArgumentException} before any job starts; a failed job
 * throws {@link JobExecutionException}. The result is checked against a plain-Java computation in
 * {@code FlightDelaysIT}.
 *
 * <p><b>Threading:</b> {@link #main} and {@link #buildPipeline} run on the caller's thread; the functions run
 * on task threads.
 */
public final class FlightDelays {

    /** How many airports the job outputs. */
    public static final int TOP_N = 10;

    /** The class-path resource read when no {@code --input} is given. */
    public static final String BUNDLED_INPUT = "/data/flights-20k.csv";

    static final int DEFAULT_PARALLELISM = 2;

    private FlightDelays() {
    }

    /**
     * Runs the job and prints its lines to standard output.
     *
     * @throws IllegalArgumentException if the arguments are invalid
     * @throws JobExecutionException if the job fails
     */
    public static void main(String[] args) throws JobExecutionException {
        FlightDelaysArgs parsed = FlightDelaysArgs.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (parsed.parallelism().isPresent()) {
            env.setParallelism(parsed.parallelism().getAsInt());
        } else if (!env.getConfiguration().contains(ExecutionOptions.PARALLELISM)) {
            env.setParallelism(DEFAULT_PARALLELISM);
        }
        Path input = parsed.input().orElseGet(() -> BundledInput.extract(BUNDLED_INPUT));
        // Parallelism 1 so that the lines print in rank order and without a subtask prefix.
        buildPipeline(env, input, parsed.minFlights()).sinkTo(new PrintSink<>()).name("print").setParallelism(1);
        env.execute("FlightDelays");
    }

    /**
     * Defines the job up to its output lines, so that a test can attach its own sink.
     *
     * @param env the environment to define the job on
     * @param input the flight file (plain or .gz CSV with a header line)
     * @param minFlights the smallest number of flights an airport needs to be ranked
     * @return the output lines, best first, produced by one subtask
     */
    public static SingleOutputStreamOperator<String> buildPipeline(StreamExecutionEnvironment env, Path input,
                                                                   int minFlights) {
        CsvSource<Flight> source = CsvSource.forRecord(Flight.class, input)
                .withHeader(true)
                .skipMalformedLines(false)
                .build();
        return env.fromSource(source, "flights")
                .keyBy(Flight::origin)
                .aggregate(new DelayAggregate())
                .name("delay-per-origin")
                .uid("delay-per-origin")
                .process(new TopDelays(minFlights, TOP_N))
                .name("top-" + TOP_N)
                .uid("top-delays")
                .setParallelism(1);
    }
}
