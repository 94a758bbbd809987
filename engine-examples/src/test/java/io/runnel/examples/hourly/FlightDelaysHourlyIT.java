package io.runnel.examples.hourly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.OutputTag;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkGenerator;
import io.runnel.api.eventtime.WatermarkOutput;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.connector.collect.CollectSink;
import io.runnel.connector.file.CsvSource;
import io.runnel.connector.file.FileSink;
import io.runnel.examples.BundledInput;
import io.runnel.examples.flights.Flight;
import io.runnel.examples.flights.FlightDelays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FlightDelaysHourly and RouteSessions on the bundled 20,000 flights against {@link HourlyReference}, on both
 * state backends and several parallelisms, the whole job through its exactly-once file output, plus disorder within
 * and beyond the watermark bound.
 */
class FlightDelaysHourlyIT {

    private static final long MINUTE = 60_000L;
    private static final OutputTag<Flight> LATE = new OutputTag<>("late-flights") { };

    private static StreamExecutionEnvironment env(int parallelism, String state) {
        Configuration conf = new Configuration();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        FlightDelaysHourly.configure(env, parallelism, state);
        return env;
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @org.junit.jupiter.params.provider.CsvSource({"heap, 1", "heap, 2", "heap, 4", "rocksdb, 1", "rocksdb, 2",
            "rocksdb, 4"})
    void hourlyAndSessionLinesMatchThePlainJavaReference(String state, int parallelism) throws Exception {
        Path input = BundledInput.extract(FlightDelays.BUNDLED_INPUT);
        List<HourlyReference.Row> rows = HourlyReference.read(input);
        StreamExecutionEnvironment env = env(parallelism, state);
        CollectSink<String> hourly = new CollectSink<>();
        CollectSink<String> sessions = new CollectSink<>();
        FlightDelaysHourly.buildPipeline(env, input).sinkTo(hourly);
        RouteSessions.buildPipeline(env, input).sinkTo(sessions);
        JobExecutionResult result = env.execute("hourly " + state + " p" + parallelism);

        List<String> expectedHourly = HourlyReference.hourly(rows, r -> true);
        assertEquals(expectedHourly, sorted(hourly.getResults(result)));
        assertEquals(HourlyReference.sessions(rows, RouteSessions.GAP.toMillis()),
                sorted(sessions.getResults(result)));
    }

    /**
     * The whole job as {@code main} runs it, through the exactly-once FileSink: checkpoints every 100 ms while
     * 20,000 flights take about a second, so part files are finished by checkpoints during the run and the last
     * ones by the final checkpoint at the end of input.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void exactlyOnceFileOutputHoldsTheReferenceLinesOnce(int parallelism, @TempDir Path dir) throws Exception {
        Path input = BundledInput.extract(FlightDelays.BUNDLED_INPUT);
        Path output = dir.resolve("out");
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
        FlightDelaysHourly.run(new StreamExecutionEnvironment(conf), hourlyArgs("--input",
                input.toString(), "--output", output.toString(), "--parallelism", Integer.toString(parallelism),
                "--rate", "20000"));

        assertEquals(HourlyReference.hourly(HourlyReference.read(input), r -> true), sorted(finishedLines(output)));
        assertEquals(List.of(), unfinishedFiles(output), "nothing left in progress or pending after the end");
    }

    @Test
    void withoutCheckpointsTheFileOutputIsCommittedAtTheEndOfInput(@TempDir Path dir) throws Exception {
        Path input = BundledInput.extract(FlightDelays.BUNDLED_INPUT);
        Path output = dir.resolve("out");
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.INTERVAL, Duration.ZERO);
        FlightDelaysHourly.run(new StreamExecutionEnvironment(conf), hourlyArgs("--input",
                input.toString(), "--output", output.toString(), "--parallelism", "2"));

        assertEquals(HourlyReference.hourly(HourlyReference.read(input), r -> true), sorted(finishedLines(output)));
        assertEquals(List.of(), unfinishedFiles(output));
    }

    /** @return the lines of the finished part files only, as a reader of the committed output sees them */
    private static List<String> finishedLines(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path part : FileSink.finishedPartFiles(output)) {
            lines.addAll(Files.readAllLines(part));
        }
        return lines;
    }

    /**
     * @return the in-progress and pending part files under {@code output} (the sink's own bookkeeping, such as
     *     {@code .commit-progress}, is not output and does not count)
     */
    private static List<Path> unfinishedFiles(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".inprogress") || name.endsWith(".pending");
            }).toList();
        }
    }

    /** Watermarks after every flight, {@code bound} behind the latest: which flights are late depends on order only. */
    static final class EveryFlight implements WatermarkGenerator<Flight> {
        private final long bound;
        private long max = Long.MIN_VALUE / 2;

        EveryFlight(long bound) {
            this.bound = bound;
        }

        @Override
        public void onEvent(Flight flight, long timestamp, WatermarkOutput output) {
            max = Math.max(max, timestamp);
            output.emitWatermark(max - bound - 1);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            // Per-event only, so the test does not depend on timing.
        }
    }

    /**
     * Writes the file's rows in a seeded bounded shuffle: each row is displaced by a random amount in
     * {@code [0, maxDisplacement)} of event time and the rows are re-sorted by displaced time.
     *
     * @return the shuffled rows, in file order
     */
    private static List<HourlyReference.Row> shuffle(List<HourlyReference.Row> rows, long maxDisplacement, Path out)
            throws Exception {
        Random random = new Random(20_261_122L);
        List<long[]> keyed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            keyed.add(new long[] {rows.get(i).time() + (long) (random.nextDouble() * maxDisplacement), i});
        }
        keyed.sort(Comparator.comparingLong((long[] k) -> k[0]).thenComparingLong(k -> k[1]));
        List<HourlyReference.Row> shuffled = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add("date,delay,distance,origin,destination");
        for (long[] k : keyed) {
            HourlyReference.Row r = rows.get((int) k[1]);
            shuffled.add(r);
            lines.add(r.line());
        }
        Files.write(out, lines);
        return shuffled;
    }

    private static SingleOutputStreamOperator<String> perFlightWatermarks(StreamExecutionEnvironment env, Path input) {
        DataStream<Flight> flights = env.fromSource(
                CsvSource.forRecord(Flight.class, input).withHeader(true).build(),
                WatermarkStrategy.<Flight>forGenerator(
                        () -> new EveryFlight(FlightDelaysHourly.OUT_OF_ORDERNESS.toMillis()))
                        .withTimestampAssigner((f, ts) -> FlightDelaysHourly.epochMillis(f.date())), "flights");
        return FlightDelaysHourly.hourlyLines(flights, LATE);
    }

    @Test
    void disorderWithinTheWatermarkBoundGivesTheSameHours(@TempDir Path dir) throws Exception {
        Path input = BundledInput.extract(FlightDelays.BUNDLED_INPUT);
        List<HourlyReference.Row> rows = HourlyReference.read(input);
        Path shuffledFile = dir.resolve("shuffled-5min.csv");
        shuffle(rows, 5 * MINUTE, shuffledFile);
        StreamExecutionEnvironment env = env(1, "heap");
        CollectSink<String> hourly = new CollectSink<>();
        CollectSink<Flight> late = new CollectSink<>();
        SingleOutputStreamOperator<String> lines = perFlightWatermarks(env, shuffledFile);
        lines.sinkTo(hourly);
        lines.getSideOutput(LATE).sinkTo(late);
        JobExecutionResult result = env.execute("shuffled within bound");
        assertEquals(0, late.getResults(result).size());
        assertEquals(HourlyReference.hourly(rows, r -> true), sorted(hourly.getResults(result)));
    }

    @Test
    void disorderBeyondTheBoundSendsExactlyTheLateFlightsToTheSideOutput(@TempDir Path dir) throws Exception {
        Path input = BundledInput.extract(FlightDelays.BUNDLED_INPUT);
        List<HourlyReference.Row> rows = HourlyReference.read(input);
        Path shuffledFile = dir.resolve("shuffled-45min.csv");
        List<HourlyReference.Row> shuffled = shuffle(rows, 45 * MINUTE, shuffledFile);

        // Reference: a flight is late if its hour's last ms is at or below the watermark of the flights before it.
        List<HourlyReference.Row> expectedLate = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        long max = Long.MIN_VALUE / 2;
        for (HourlyReference.Row r : shuffled) {
            long hourEnd = Math.floorDiv(r.time(), 3_600_000L) * 3_600_000L + 3_600_000L;
            if (hourEnd - 1 <= watermark) {
                expectedLate.add(r);
            }
            max = Math.max(max, r.time());
            watermark = Math.max(watermark, max - FlightDelaysHourly.OUT_OF_ORDERNESS.toMillis() - 1);
        }
        assertTrue(expectedLate.size() > 0, "a 45-minute shuffle against a 10-minute bound makes late flights");

        StreamExecutionEnvironment env = env(1, "rocksdb");
        CollectSink<String> hourly = new CollectSink<>();
        CollectSink<Flight> late = new CollectSink<>();
        SingleOutputStreamOperator<String> lines = perFlightWatermarks(env, shuffledFile);
        lines.sinkTo(hourly);
        lines.getSideOutput(LATE).sinkTo(late);
        JobExecutionResult result = env.execute("shuffled beyond bound");

        List<String> gotLate = new ArrayList<>();
        for (Flight f : late.getResults(result)) {
            gotLate.add(FlightDelaysHourly.epochMillis(f.date()) + "," + f.origin() + "," + f.destination() + ","
                    + f.delay());
        }
        List<String> wantLate = new ArrayList<>();
        for (HourlyReference.Row r : expectedLate) {
            wantLate.add(r.time() + "," + r.origin() + "," + r.destination() + "," + r.delay());
        }
        assertEquals(sorted(wantLate), sorted(gotLate));
        java.util.Set<HourlyReference.Row> lateSet = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        lateSet.addAll(expectedLate);
        assertEquals(HourlyReference.hourly(shuffled, r -> !lateSet.contains(r)), sorted(hourly.getResults(result)));
    }

    /** Parses as {@code runnel run flight-delays-hourly ARGS} does (an array picks the one-argument overload). */
    private static FlightDelaysHourlyArgs hourlyArgs(String... args) {
        return FlightDelaysHourlyArgs.parse(args);
    }
}
