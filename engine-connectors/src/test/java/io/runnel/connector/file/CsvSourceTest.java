package io.runnel.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.connector.testing.SourceTestHarness;
import io.runnel.connector.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvSourceTest {

    record Flight(LocalDateTime departure, String origin, String destination, int delayMinutes, double distance) {
    }

    enum Cabin { ECONOMY, BUSINESS }

    record AllTypes(String s, int i, Integer boxedI, long l, Long boxedL, double d, Double boxedD, boolean b,
            Boolean boxedB, LocalDate date, LocalDateTime time, Cabin cabin) {
    }

    record Unsupported(Object o) {
    }

    private static final String HEADER = "departure,origin,destination,delay,distance";
    private static final String GOOD = "2001-01-01 10:00:00,JFK,LAX,5,2475.0";
    private static final Flight GOOD_FLIGHT =
            new Flight(LocalDateTime.of(2001, 1, 1, 10, 0), "JFK", "LAX", 5, 2475.0);

    @TempDir
    Path dir;

    @Test
    void mapsColumnsToRecordComponentsAndSkipsTheHeader() throws Exception {
        Path file = TestFiles.write(dir.resolve("flights.csv"), List.of(HEADER, GOOD,
                "2001-01-02T11:30,\"New York, JFK\",\"\"\"LAX\"\"\",-3,1.5"));

        List<Flight> flights = run(CsvSource.forRecord(Flight.class, file).build(), 1);

        assertEquals(List.of(GOOD_FLIGHT,
                new Flight(LocalDateTime.of(2001, 1, 2, 11, 30), "New York, JFK", "\"LAX\"", -3, 1.5)), flights);
    }

    @Test
    void parsesEverySupportedTypeAndEmptyBoxedFieldsAsNull() throws Exception {
        Path file = TestFiles.write(dir.resolve("types.csv"), List.of(
                "x,1,2,3,4,5.5,6.5,true,FALSE,2024-01-31,2024-01-31 13:45:00,BUSINESS",
                " y ,-1,,9000000000,,0,,false,,2024-02-29,2024-02-29T00:00:00.250, ECONOMY "));

        List<AllTypes> rows = run(CsvSource.forRecord(AllTypes.class, file).withHeader(false).build(), 1);

        assertEquals(List.of(
                new AllTypes("x", 1, 2, 3L, 4L, 5.5, 6.5, true, false, LocalDate.of(2024, 1, 31),
                        LocalDateTime.of(2024, 1, 31, 13, 45), Cabin.BUSINESS),
                new AllTypes(" y ", -1, null, 9_000_000_000L, null, 0.0, null, false, null, LocalDate.of(2024, 2, 29),
                        LocalDateTime.of(2024, 2, 29, 0, 0, 0, 250_000_000), Cabin.ECONOMY)), rows);
    }

    static Stream<Arguments> malformedLines() {
        return Stream.of(
                Arguments.of("2001-01-01,12", "expected 5 fields, got 2"),
                Arguments.of(GOOD + ",extra", "expected 5 fields, got 6"),
                Arguments.of("2001-01-01 10:00:00,JFK,LAX,abc,1.0", "field 4 (delayMinutes): cannot parse \"abc\" as int"),
                Arguments.of("2001-01-01 10:00:00,JFK,LAX,,1.0", "field 4 (delayMinutes): cannot parse \"\" as int"),
                Arguments.of("2001-01-01 10:00:00,JFK,LAX,1,far", "field 5 (distance): cannot parse \"far\" as double"),
                Arguments.of("2001-13-01 10:00:00,JFK,LAX,1,1.0",
                        "field 1 (departure): cannot parse \"2001-13-01 10:00:00\" as LocalDateTime"),
                Arguments.of("2001-01-01 10:00:00,\"JFK,LAX,1,1.0", "unterminated quoted field starting at column 21"),
                Arguments.of("2001-01-01 10:00:00,\"JFK\"x,LAX,1,1.0",
                        "unexpected character 'x' after the closing quote at column 26"),
                Arguments.of("", "expected 5 fields, got 1"));
    }

    @ParameterizedTest
    @MethodSource("malformedLines")
    void aMalformedLineFailsWithFileLineAndReason(String badLine, String reason) throws Exception {
        Path file = TestFiles.write(dir.resolve("flights.csv"), List.of(HEADER, GOOD, GOOD, badLine, GOOD));

        MalformedCsvLineException e = assertThrows(MalformedCsvLineException.class,
                () -> run(CsvSource.forRecord(Flight.class, file).build(), 1));

        assertEquals("Malformed CSV line in " + file.toAbsolutePath() + " at line 4: " + reason + ": \"" + badLine
                + "\"", e.getMessage());
        assertEquals(4, e.getLineNumber());
        assertEquals(file.toAbsolutePath().toString(), e.getPath());
    }

    @Test
    void aBadBooleanIsMalformed() throws Exception {
        Path file = TestFiles.write(dir.resolve("types.csv"),
                List.of("x,1,2,3,4,5.5,6.5,yes,true,2024-01-31,2024-01-31 13:45:00,BUSINESS"));

        MalformedCsvLineException e = assertThrows(MalformedCsvLineException.class,
                () -> run(CsvSource.forRecord(AllTypes.class, file).withHeader(false).build(), 1));

        assertEquals("field 8 (b): cannot parse \"yes\" as boolean", e.getReason());
        assertEquals(1, e.getLineNumber());
    }

    @Test
    void skippedLinesAreCountedExactlyAcrossFilesAndReaders() throws Exception {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 3000; i++) {
            lines.add(i % 7 == 3 ? "broken," + i : GOOD);
        }
        long bad = IntStream.range(0, 3000).filter(i -> i % 7 == 3).count();
        TestFiles.write(dir.resolve("a.csv"), lines);
        TestFiles.write(dir.resolve("b.csv.gz"), lines);
        SourceTestHarness<Flight> harness = new SourceTestHarness<>(
                CsvSource.forRecord(Flight.class, dir).skipMalformedLines(true).build(), 2);

        List<Flight> flights = harness.runToEnd();

        assertEquals(2 * (3000 - bad), flights.size());
        assertTrue(flights.stream().allMatch(GOOD_FLIGHT::equals));
        assertEquals(2 * bad, harness.counterSum(CsvSource.SKIPPED_LINES_COUNTER));
    }

    @Test
    void everyFileOfADirectoryIsASplitAndEachHeaderIsSkipped() throws Exception {
        List<Flight> expected = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            List<String> lines = new ArrayList<>(List.of(HEADER));
            for (int i = 0; i < 10 + f * 500; i++) {
                lines.add("2001-01-01 10:00:00,F" + f + ",L" + i + "," + i + ",1.0");
                expected.add(new Flight(LocalDateTime.of(2001, 1, 1, 10, 0), "F" + f, "L" + i, i, 1.0));
            }
            TestFiles.write(dir.resolve("part-" + f + (f % 2 == 0 ? ".csv.gz" : ".csv")), lines);
        }

        List<Flight> flights = run(CsvSource.forRecord(Flight.class, dir).build(), 3);

        assertEquals(expected.size(), flights.size());
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(flights));
    }

    @Test
    void aMapperExceptionMakesTheLineMalformed() throws Exception {
        Path file = TestFiles.write(dir.resolve("kv.csv"), List.of("a=1", "b=2", "c"));
        CsvRowMapper<String> mapper = fields -> {
            String[] kv = fields[0].split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("no '=' in " + fields[0]);
            }
            return kv[0] + kv[1];
        };

        CsvSource<String> skipping = CsvSource.forMapper(mapper, String.class, file).withHeader(false)
                .skipMalformedLines(true).build();
        assertEquals(List.of("a1", "b2"), run(skipping, 1));
        assertEquals(TypeInformation.of(String.class), skipping.getProducedType());

        MalformedCsvLineException e = assertThrows(MalformedCsvLineException.class,
                () -> run(CsvSource.forMapper(mapper, String.class, file).withHeader(false).build(), 1));
        assertEquals("no '=' in c", e.getReason());
        assertEquals(3, e.getLineNumber());
    }

    @Test
    void aRecordConstructorThatCannotBeCalledFailsTheJobEvenWhenSkippingMalformedLines() throws Exception {
        Path file = TestFiles.write(dir.resolve("flights.csv"), List.of(HEADER, GOOD, GOOD));
        // What RecordRowMapper throws when the record's constructor cannot be called: not the data's fault.
        CsvRowMapper<Flight> uncallable = fields -> {
            throw new IllegalStateException("cannot call the constructor of " + Flight.class.getName());
        };
        LineFileFormat<Flight> forRecord = new LineFileFormat<>(List.of(file.toAbsolutePath().toString()),
                new CsvLineParser<>(uncallable, false), true, CsvSource.SKIPPED_LINES_COUNTER);
        SourceTestHarness<Flight> harness = new SourceTestHarness<>(sourceOf(forRecord), 1);

        IllegalStateException e = assertThrows(IllegalStateException.class, harness::runToEnd);

        assertEquals("cannot call the constructor of " + Flight.class.getName(), e.getMessage());
        assertEquals(0, harness.counterSum(CsvSource.SKIPPED_LINES_COUNTER));

        // The same exception from a user's CsvRowMapper stays a malformed line, as CsvRowMapper documents.
        SourceTestHarness<Flight> userMapper = new SourceTestHarness<>(
                CsvSource.forMapper(uncallable, Flight.class, file).skipMalformedLines(true).build(), 1);
        assertEquals(List.of(), userMapper.runToEnd());
        assertEquals(2, userMapper.counterSum(CsvSource.SKIPPED_LINES_COUNTER));
    }

    @Test
    void aRecordWithAByteOrderMarkBeforeItsFirstFieldParses() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFF" + GOOD + "\n");

        assertEquals(List.of(GOOD_FLIGHT), run(CsvSource.forRecord(Flight.class, file).withHeader(false).build(), 1));
    }

    @Test
    void rejectsNonRecordsAndUnsupportedComponentTypesWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> CsvSource.forRecord(String.class, dir));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvSource.forRecord(Unsupported.class, dir));
        assertTrue(e.getMessage().contains("component o"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvSource.forRecord(Flight.class));
    }

    /** A bounded source over a line format, as CsvSource builds one, for formats its builder cannot make. */
    private static <T> Source<T, FileSplit, List<FileSplit>> sourceOf(LineFileFormat<T> format) {
        return new Source<>() {
            @Override
            public Boundedness getBoundedness() {
                return Boundedness.BOUNDED;
            }

            @Override
            public SplitEnumerator<FileSplit, List<FileSplit>> createEnumerator(
                    SplitEnumeratorContext<FileSplit> context) throws IOException {
                return format.createEnumerator(context);
            }

            @Override
            public SourceReader<T, FileSplit> createReader(SourceReaderContext context) {
                return format.createReader(context);
            }
        };
    }

    private static <T> List<T> run(CsvSource<T> source, int parallelism) throws Exception {
        return new SourceTestHarness<>(source, parallelism).runToEnd();
    }
}
