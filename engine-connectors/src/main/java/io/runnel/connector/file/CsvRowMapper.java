package io.runnel.connector.file;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * Maps the fields of one CSV line to a record, for {@link CsvSource#forMapper}.
 *
 * <p><b>Contract:</b> returns a non-null record; any exception marks the line malformed (the exception's message
 * becomes the reason), which fails the job or skips the line as the source is configured.
 *
 * <p><b>Threading:</b> called on a reader's fetcher thread; one instance per reader (deserialized with the
 * source), so it needs no synchronization.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface CsvRowMapper<T> extends Serializable {

    /**
     * @param fields the line's fields, unquoted
     * @return the record
     * @throws Exception if the fields do not form a record
     */
    T map(String[] fields) throws Exception;
}
