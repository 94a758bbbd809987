package io.runnel.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionException;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.collect.CollectSink;
import io.runnel.connector.testing.Exceptions;
import io.runnel.connector.testing.TestFiles;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceIT {

    record Flight(LocalDateTime departure, String origin, String destination, int delayMinutes, double distance) {
    }

    private static final String HEADER = "departure,origin,destination,delay,distance";

    @TempDir
    Path dir;

    @Test
    void aMalformedLineFailsTheJobWithFileAndLineInTheRootCause() throws Exception {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 2; i <= 3000; i++) {
            lines.add(i == 17 ? "2001-01-01,12" : flightLine(i));
        }
        Path file = TestFiles.write(dir.resolve("flights.csv"), lines);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        env.fromSource(CsvSource.forRecord(Flight.class, file).build(), "flights").sinkTo(new CollectSink<>());

        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("bad csv"));

        Throwable root = Exceptions.rootCause(e);
        assertInstanceOf(MalformedCsvLineException.class, root, "root cause: " + root);
        assertEquals("Malformed CSV line in " + file.toAbsolutePath() + " at line 17: expected 5 fields, got 2: "
                + "\"2001-01-01,12\"", root.getMessage());
    }

    @Test
    void skippedLinesAreCountedExactlyInTheJobResult() throws Exception {
        int expectedSkips = 0;
        List<Flight> expected = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            List<String> lines = new ArrayList<>(List.of(HEADER));
            for (int i = 2; i <= 2000 + f; i++) {
                boolean bad = (i * 31 + f) % 97 == 0;
                lines.add(bad ? "2001-01-01 10:00:00,JFK,LAX,not-a-number,1.0" : flightLine(i));
                expectedSkips += bad ? 1 : 0;
                if (!bad) {
                    expected.add(flight(i));
                }
            }
            TestFiles.write(dir.resolve("flights-" + f + (f % 2 == 0 ? ".csv" : ".csv.gz")), lines);
        }
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(3);
        CollectSink<Flight> sink = new CollectSink<>();
        env.fromSource(CsvSource.forRecord(Flight.class, dir).skipMalformedLines(true).build(), "flights")
                .sinkTo(sink);

        JobExecutionResult result = env.execute("skipping csv");

        assertEquals(expectedSkips, result.getCounter(CsvSource.SKIPPED_LINES_COUNTER));
        List<Flight> out = sink.getResults(result);
        assertEquals(expected.size(), out.size());
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(out));
    }

    private static String flightLine(int i) {
        return "2001-01-01 10:00:00,JFK,\"L,A" + i + "\"," + i + "," + (i / 2.0);
    }

    private static Flight flight(int i) {
        return new Flight(LocalDateTime.of(2001, 1, 1, 10, 0), "JFK", "L,A" + i, i, i / 2.0);
    }
}
