package io.runnel.examples.hourly;

import io.runnel.api.common.JobExecutionException;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.windowing.assigners.EventTimeSessionWindows;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.windows.TimeWindow;
import io.runnel.examples.BundledInput;
import io.runnel.examples.flights.Flight;
import io.runnel.examples.flights.FlightDelays;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Sessions of flights per route: flights of one route ({@code origin-destination}) belong to one session while
 * each departs less than 2 hours after the previous one; per session the job writes
 * {@code route,first_departure,session_end,flights} (session end = last departure + 2 h) exactly once into part
 * files, through the transactional {@code FileSink} as {@link FlightDelaysHourly} does.
 *
 * <pre>
 *   CsvSource(Flight) → event time as in FlightDelaysHourly → keyBy(route) → session windows (gap 2 h)
 *     → count + format → FileSink(dir, exactly once)
 * </pre>
 *
 * <p>Arguments: as {@link FlightDelaysHourly} ({@link FlightDelaysHourlyArgs}).
 *
 * <p><b>Threading:</b> {@link #main} and {@link #buildPipeline} run on the caller's thread.
 */
public final class RouteSessions {

    /** Flights of a route further apart than this start a new session. */
    public static final Duration GAP = Duration.ofHours(2);

    private RouteSessions() {
    }

    /**
     * Runs the job and prints where the lines went.
     *
     * @throws IllegalArgumentException if the arguments are invalid
     * @throws JobExecutionException if the job fails
     */
    public static void main(String[] args) throws JobExecutionException {
        FlightDelaysHourlyArgs parsed = FlightDelaysHourlyArgs.parse("route-sessions", args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        FlightDelaysHourly.configure(env, parsed.parallelism().orElse(-1), parsed.stateBackend().orElse(null));
        FlightDelaysHourly.enableDefaultCheckpointing(env);
        Path input = parsed.input().orElseGet(() -> BundledInput.extract(FlightDelays.BUNDLED_INPUT));
        // Exactly once, as flight-delays-hourly's files (see FlightDelaysHourly.addFileSink); a uid of its own, not
        // the former LineFileSink's "session-files", whose state would mean nothing to it.
        FlightDelaysHourly.addFileSink(sessionLines(FlightDelaysHourly.flights(env, input, parsed.rate())),
                parsed.output(), "session-part-files");
        env.execute("RouteSessions");
        System.out.println("Route sessions written to " + parsed.output().toAbsolutePath()
                + " (route,first_departure,session_end,flights)");
    }

    /** @return {@code origin-destination} */
    public static String route(Flight f) {
        return f.origin() + "-" + f.destination();
    }

    /**
     * Defines the job up to its output lines, so that a test can attach its own sink.
     *
     * @return one line per route session
     */
    public static SingleOutputStreamOperator<String> buildPipeline(StreamExecutionEnvironment env, Path input) {
        return sessionLines(FlightDelaysHourly.flights(env, input));
    }

    /**
     * @param flights flights with event time and watermarks
     * @return one line per route session
     */
    static SingleOutputStreamOperator<String> sessionLines(DataStream<Flight> flights) {
        return flights
                .keyBy(RouteSessions::route)
                .window(EventTimeSessionWindows.withGap(GAP))
                .aggregate(new CountFlights(), new SessionLine())
                .name("route-sessions")
                .uid("route-sessions");
    }

    /** Counts flights. */
    static final class CountFlights implements AggregateFunction<Flight, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Flight flight, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Formats {@code route,first_departure,session_end,flights}. */
    static final class SessionLine extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String route, Context ctx, Iterable<Long> count, Collector<String> out) {
            out.collect(line(route, ctx.window().getStart(), ctx.window().getEnd(), count.iterator().next()));
        }
    }

    /** @return the output line of one session */
    public static String line(String route, long start, long end, long flights) {
        return route + "," + format(start) + "," + format(end) + "," + flights;
    }

    private static String format(long millis) {
        return FlightDelaysHourly.WINDOW_START.format(
                LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }
}
