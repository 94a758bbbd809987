package io.runnel.examples.hourly;

import io.runnel.connector.file.CsvRecordParser;
import io.runnel.examples.flights.Flight;

/**
 * Parses one line of the flight CSV format ({@code date,delay,distance,origin,destination}) into a {@link Flight},
 * for input that does not come from a file (the Kafka edition of {@link FlightDelaysHourly}), with the file
 * connector's own parser ({@link CsvRecordParser}), so both editions accept and reject the same lines.
 *
 * <p><b>Contract:</b> {@link #parse} throws {@link IllegalArgumentException} whose message is the reason only, e.g.
 * {@code expected 5 fields, got 3} or {@code field 2 (delay): cannot parse "x" as int}; the caller adds where the
 * line came from.
 *
 * <p><b>Threading:</b> safe from any thread (a parser per thread).
 */
public final class FlightCsv {

    /** The header line of the flight files; a record holding it is skipped, not an error. */
    public static final String HEADER = "date,delay,distance,origin,destination";

    /** Per thread: the parser resolves the record's constructor on first use and is not thread-safe. */
    private static final ThreadLocal<CsvRecordParser<Flight>> PARSER =
            ThreadLocal.withInitial(() -> CsvRecordParser.forRecord(Flight.class));

    private FlightCsv() {
    }

    /** @return whether {@code line} is the header line (ignoring surrounding blanks) */
    public static boolean isHeader(String line) {
        return line.trim().equals(HEADER);
    }

    /**
     * @param line one data line, without line break
     * @return the flight
     * @throws IllegalArgumentException if the line is not a flight (the message gives the reason)
     */
    public static Flight parse(String line) {
        return PARSER.get().parse(line);
    }
}
