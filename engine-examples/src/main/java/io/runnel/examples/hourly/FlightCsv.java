package io.runnel.examples.hourly;

import io.runnel.examples.flights.Flight;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Parses one line of the flight CSV format ({@code date,delay,distance,origin,destination}) into a {@link Flight},
 * for input that does not come from a file (the Kafka edition of {@link FlightDelaysHourly}). It accepts what
 * {@code CsvSource.forRecord(Flight.class, ...)} accepts for these files, whose parser is internal to the file
 * connector: {@code date} as {@code yyyy-MM-dd HH:mm:ss} or ISO {@code yyyy-MM-ddTHH:mm:ss} (optionally with
 * fractions of a second) and whole numbers for {@code delay} and {@code distance}, each trimmed; the airport codes
 * as they are, but not empty (they are the key). Quoted fields are not supported (the flight files have none).
 *
 * <p><b>Contract:</b> {@link #parse} throws {@link IllegalArgumentException} whose message is the reason only, e.g.
 * {@code expected 5 fields, got 3} or {@code field 2 (delay): cannot parse "x" as a whole number}; the caller adds
 * where the line came from.
 *
 * <p><b>Threading:</b> stateless; safe from any thread.
 */
public final class FlightCsv {

    /** The header line of the flight files; a record holding it is skipped, not an error. */
    public static final String HEADER = "date,delay,distance,origin,destination";

    private static final String[] NAMES = HEADER.split(",");
    /** Both date forms the file source accepts: a space or a {@code T} between date and time. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

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
        String[] fields = line.split(",", -1);
        if (fields.length != NAMES.length) {
            throw new IllegalArgumentException("expected " + NAMES.length + " fields, got " + fields.length);
        }
        LocalDateTime date = date(fields[0]);
        int delay = wholeNumber(fields, 1);
        int distance = wholeNumber(fields, 2);
        String origin = text(fields, 3);
        String destination = text(fields, 4);
        return new Flight(date, delay, distance, origin, destination);
    }

    /**
     * The event time of a line without building the whole flight: the source's timestamp assigner calls it for
     * every record.
     *
     * @return the {@code date} column read as UTC, in ms since the epoch
     * @throws IllegalArgumentException if the line has no parsable date in its first field
     */
    public static long eventTimeMillis(String line) {
        int comma = line.indexOf(',');
        return FlightDelaysHourly.epochMillis(date(comma < 0 ? line : line.substring(0, comma)));
    }

    private static LocalDateTime date(String field) {
        String value = field.trim();
        try {
            return LocalDateTime.parse(value, DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 1 (date): cannot parse \"" + value + "\" as a date and time "
                    + "(yyyy-MM-dd HH:mm:ss)", e);
        }
    }

    private static int wholeNumber(String[] fields, int index) {
        String value = fields[index].trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(fieldName(index) + ": cannot parse \"" + value
                    + "\" as a whole number", e);
        }
    }

    private static String text(String[] fields, int index) {
        // Not trimmed, as CsvSource keeps String fields, so both editions key by the same origin.
        String value = fields[index];
        if (value.isEmpty()) {
            throw new IllegalArgumentException(fieldName(index) + ": empty");
        }
        return value;
    }

    private static String fieldName(int index) {
        return "field " + (index + 1) + " (" + NAMES[index] + ")";
    }
}
