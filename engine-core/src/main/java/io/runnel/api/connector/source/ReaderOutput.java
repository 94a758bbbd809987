package io.runnel.api.connector.source;

import io.runnel.annotation.Public;

/**
 * Where a reader emits records.
 *
 * <p><b>Threading:</b> task thread only, during {@link SourceReader#pollNext}.
 *
 * @param <T> the record type
 */
@Public
public interface ReaderOutput<T> {

    /** Emits a record without an event timestamp. */
    void collect(T record);

    /** Emits a record with an event timestamp in ms. */
    void collect(T record, long timestamp);
}
