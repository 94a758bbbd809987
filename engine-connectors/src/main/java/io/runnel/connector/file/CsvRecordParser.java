package io.runnel.connector.file;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * Parses one CSV line into a Java record exactly as {@link CsvSource#forRecord} does (same field splitting and
 * quoting, same field types and messages), for lines that do not come from files: Kafka record values, socket
 * lines, test data.
 *
 * <pre>{@code
 * CsvRecordParser<Flight> flights = CsvRecordParser.forRecord(Flight.class);
 * Flight f = flights.parse("2001-01-01 00:47:00,66,1750,DTW,LAS");
 * }</pre>
 *
 * <p><b>Threading:</b> not thread-safe (the record mapper resolves its constructor on first use); one instance per
 * thread, e.g. a field of a function, which is deserialized per subtask.
 *
 * @param <T> the record type
 */
@Public
public final class CsvRecordParser<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final CsvLineParser<T> parser;

    private CsvRecordParser(Class<T> recordClass) {
        this.parser = new CsvLineParser<>(RecordRowMapper.of(recordClass), false);
    }

    /**
     * @param recordClass a record whose components, in order, take the line's fields (types as {@link CsvSource}
     *     lists them)
     * @return a parser for lines of that record
     */
    public static <T> CsvRecordParser<T> forRecord(Class<T> recordClass) {
        return new CsvRecordParser<>(recordClass);
    }

    /**
     * @param line one line, without its line break
     * @return the record
     * @throws IllegalArgumentException if the line is malformed; the message names the field and the reason, e.g.
     *     {@code field 2 (delay): cannot parse "x" as int}
     * @throws IllegalStateException if the record's constructor cannot be called (a programming error)
     */
    public T parse(String line) {
        try {
            return parser.parse(line);
        } catch (MalformedLineException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
