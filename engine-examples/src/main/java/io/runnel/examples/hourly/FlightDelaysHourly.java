package io.runnel.examples.hourly;

import io.runnel.api.common.JobExecutionException;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.OutputTag;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.datastream.DataStreamSink;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.datastream.WindowedStream;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.api.environment.ExecutionOptions;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.windows.TimeWindow;
import io.runnel.connector.file.ConstantBucketAssigner;
import io.runnel.connector.file.CsvSource;
import io.runnel.connector.file.FileSink;
import io.runnel.examples.BundledInput;
import io.runnel.examples.Throttle;
import io.runnel.examples.flights.Flight;
import io.runnel.examples.flights.FlightDelays;
import io.runnel.examples.hourly.FlightDelaysHourlyArgs.KafkaTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalInt;

/**
 * FlightDelays in event time: for every origin airport and every hour (by scheduled departure), the number of
 * flights, the mean departure delay and the largest one, written as CSV lines
 * {@code window_start,origin,flights,mean_delay,max_delay} exactly once, into part files under the output directory
 * or, with {@code --kafka}, into a Kafka topic ({@link FlightDelaysHourlyKafka}).
 *
 * <pre>
 *   CsvSource(Flight) → timestamps = date, watermarks 10 min behind → keyBy(origin)
 *     → 1-hour tumbling event-time windows → aggregate(HourlyStats) + format → FileSink(dir, exactly once)
 * </pre>
 *
 * <p>The {@code date} column is a local time without zone; it is read as UTC, which turns it into a timeline
 * without gaps and prints window starts back in the same local form ({@code yyyy-MM-dd HH:mm:ss}). The mean is
 * rounded half up to 2 decimals. Arguments: see {@link FlightDelaysHourlyArgs}.
 *
 * <p><b>Output files:</b> the {@link FileSink} puts every line into one bucket, the output directory itself
 * ({@link ConstantBucketAssigner} {@code "."}): a window line already carries its hour, and the whole output of a
 * run spans a few months, so date directories would only split a small result. Part files {@code part-*} become
 * visible when the checkpoint after their lines completes, and the last ones at the end of input; until then they
 * are hidden ({@code .}-prefixed) in-progress or pending files, which readers must ignore
 * ({@link FileSink#finishedPartFiles} lists the finished ones). The job therefore checkpoints every
 * {@link #DEFAULT_CHECKPOINT_INTERVAL} unless the environment sets an interval ({@link #enableDefaultCheckpointing}).
 * A run resumed from a savepoint may write to another output directory: the restored part files are finished
 * where they were written.
 *
 * <p><b>Threading:</b> {@link #main} and {@link #buildPipeline} run on the caller's thread; the functions on task
 * threads.
 */
public final class FlightDelaysHourly {

    /** How far a flight may lag the latest one read and still count: the files are sorted, so this is slack. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(10);

    /**
     * Checkpoint interval when neither the job's environment nor {@code runnel run --checkpoint-interval} sets one:
     * the exactly-once sinks publish output only at checkpoints, so without them a long run would show nothing.
     */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    static final DateTimeFormatter WINDOW_START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private FlightDelaysHourly() {
    }

    /**
     * Runs the job and prints where the lines went.
     *
     * @throws IllegalArgumentException if the arguments are invalid
     * @throws JobExecutionException if the job fails
     */
    public static void main(String[] args) throws JobExecutionException {
        FlightDelaysHourlyArgs parsed = FlightDelaysHourlyArgs.parse(args);
        run(StreamExecutionEnvironment.getExecutionEnvironment(), parsed);
        if (parsed.kafka().isPresent()) {
            KafkaTopics topics = parsed.kafka().get();
            System.out.println("Hourly delays per origin airport written to Kafka topic " + topics.outputTopic()
                    + " at " + topics.bootstrapServers() + " (window_start,origin,flights,mean_delay,max_delay; "
                    + "read with isolation.level=read_committed)");
        } else {
            System.out.println("Hourly delays per origin airport written to " + parsed.output().toAbsolutePath()
                    + " (window_start,origin,flights,mean_delay,max_delay)");
        }
    }

    /**
     * Configures {@code env} from the arguments, defines the whole job with its exactly-once sink and runs it to
     * the end.
     *
     * @param env a fresh environment; its configuration (e.g. from {@code runnel run}) is kept unless the arguments
     *     override it
     * @return the result of the job
     * @throws IllegalStateException with {@code --kafka}, if checkpointing was turned off explicitly (interval 0)
     * @throws JobExecutionException if the job fails
     */
    public static JobExecutionResult run(StreamExecutionEnvironment env, FlightDelaysHourlyArgs args)
            throws JobExecutionException {
        configure(env, args.parallelism().orElse(-1), args.stateBackend().orElse(null));
        enableDefaultCheckpointing(env);
        if (args.kafka().isPresent()) {
            KafkaTopics topics = args.kafka().get();
            FlightDelaysHourlyKafka.addSink(hourlyLines(FlightDelaysHourlyKafka.flights(env, topics, args.rate()),
                    null), topics);
        } else {
            Path input = args.input().orElseGet(() -> BundledInput.extract(FlightDelays.BUNDLED_INPUT));
            addFileSink(hourlyLines(flights(env, input, args.rate()), null), args.output());
        }
        return env.execute("FlightDelaysHourly");
    }

    /**
     * Turns on exactly-once checkpoints every {@link #DEFAULT_CHECKPOINT_INTERVAL} unless the configuration
     * already has {@code execution.checkpointing.interval} (an interval of 0 set there keeps checkpoints off).
     */
    public static void enableDefaultCheckpointing(StreamExecutionEnvironment env) {
        if (!env.getConfiguration().contains(CheckpointingOptions.INTERVAL)) {
            env.enableCheckpointing(DEFAULT_CHECKPOINT_INTERVAL);
        }
    }

    /**
     * Writes {@code lines} exactly once into part files directly under {@code output} (one bucket, see the class
     * comment).
     *
     * @return the sink, named and with a uid
     */
    public static DataStreamSink<String> addFileSink(DataStream<String> lines, Path output) {
        // A uid of its own, not the former LineFileSink's "hourly-files": that sink's state means nothing to this
        // one, so an old savepoint must be resumed with --allow-non-restored-state rather than misread.
        return addFileSink(lines, output, "hourly-part-files");
    }

    /**
     * As {@link #addFileSink(DataStream, Path)}, for another example's lines.
     *
     * @param uid the sink's name and uid
     * @return the sink
     */
    static DataStreamSink<String> addFileSink(DataStream<String> lines, Path output, String uid) {
        FileSink<String> sink = FileSink.forRowFormat(output, (String line) -> line)
                .withBucketAssigner(new ConstantBucketAssigner<>("."))
                .build();
        return lines.addSink(sink).name(uid).uid(uid);
    }

    /**
     * @param parallelism the job's parallelism, or -1 to keep the environment's (default 2)
     * @param stateBackend {@code heap} or {@code rocksdb}, or null to keep the environment's (e.g. set by
     *     {@code runnel run --state})
     */
    static void configure(StreamExecutionEnvironment env, int parallelism, String stateBackend) {
        if (parallelism > 0) {
            env.setParallelism(parallelism);
        } else if (!env.getConfiguration().contains(ExecutionOptions.PARALLELISM)) {
            env.setParallelism(2);
        }
        if (stateBackend != null) {
            env.getConfiguration().setString("state.backend", stateBackend.equals("heap") ? "hashmap"
                    : stateBackend);
        }
    }

    /** @return the flights with event time (ms, the date column read as UTC) and watermarks */
    public static SingleOutputStreamOperator<Flight> flights(StreamExecutionEnvironment env, Path input) {
        CsvSource<Flight> source = CsvSource.forRecord(Flight.class, input).withHeader(true).build();
        return env.fromSource(source, WatermarkStrategy.<Flight>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                .withTimestampAssigner((flight, ts) -> epochMillis(flight.date())), "flights");
    }

    /**
     * The source of the job that {@code main} runs: uids on the source and the throttle, so that a savepoint's
     * read positions find the source again also when the job resumes with another {@code --rate} or none.
     *
     * @param rate at most this many flights per second in total, or empty for no limit (see {@link Throttle})
     * @return the flights as {@link #flights(StreamExecutionEnvironment, Path)}, read no faster than {@code rate}
     */
    static DataStream<Flight> flights(StreamExecutionEnvironment env, Path input, OptionalInt rate) {
        SingleOutputStreamOperator<Flight> flights = flights(env, input).uid("flights");
        if (rate.isEmpty()) {
            return flights;
        }
        return flights.filter(new Throttle<>(rate.getAsInt())).name("throttle").uid("throttle");
    }

    /** @return {@code date} read as UTC, in ms since the epoch */
    public static long epochMillis(LocalDateTime date) {
        return date.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /**
     * Defines the job up to its output lines, so that a test can attach its own sink.
     *
     * @return one line per (hour, origin airport) with flights
     */
    public static SingleOutputStreamOperator<String> buildPipeline(StreamExecutionEnvironment env, Path input) {
        return hourlyLines(flights(env, input), null);
    }

    /**
     * @param flights flights with event time and watermarks
     * @param lateFlights where flights that arrive after their hour was emitted go, or null to drop them
     * @return one line per (hour, origin airport) with flights
     */
    public static SingleOutputStreamOperator<String> hourlyLines(DataStream<Flight> flights,
                                                                 OutputTag<Flight> lateFlights) {
        WindowedStream<Flight, String, TimeWindow> hours = flights.keyBy(Flight::origin)
                .window(TumblingEventTimeWindows.of(Duration.ofHours(1)));
        if (lateFlights != null) {
            hours.sideOutputLateData(lateFlights);
        }
        return hours.aggregate(new Hourly(), new HourlyLine()).name("hourly-delays").uid("hourly-delays");
    }

    /** Adds flights to {@link HourlyStats}. */
    static final class Hourly implements AggregateFunction<Flight, HourlyStats, HourlyStats> {
        private static final long serialVersionUID = 1L;

        @Override
        public HourlyStats createAccumulator() {
            return HourlyStats.EMPTY;
        }

        @Override
        public HourlyStats add(Flight flight, HourlyStats acc) {
            return acc.add(flight.delay());
        }

        @Override
        public HourlyStats getResult(HourlyStats acc) {
            return acc;
        }

        @Override
        public HourlyStats merge(HourlyStats a, HourlyStats b) {
            return a.merge(b);
        }
    }

    /** Formats one window's statistics as {@code window_start,origin,flights,mean_delay,max_delay}. */
    static final class HourlyLine extends ProcessWindowFunction<HourlyStats, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String origin, Context ctx, Iterable<HourlyStats> stats, Collector<String> out) {
            HourlyStats s = stats.iterator().next();
            out.collect(line(ctx.window().getStart(), origin, s));
        }
    }

    /** @return the output line of one airport's hour starting at {@code windowStart} ms */
    public static String line(long windowStart, String origin, HourlyStats s) {
        String start = WINDOW_START.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(windowStart), ZoneOffset.UTC));
        return start + "," + origin + "," + s.flights() + "," + s.roundedMeanDelay().toPlainString() + ","
                + s.maxDelayMinutes();
    }
}
