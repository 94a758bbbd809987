package io.runnel.api.connector.source;

import io.runnel.annotation.Public;

/**
 * Where a reader emits the records of one split (or, as {@link ReaderOutput}, records not tied to a split).
 *
 * <p><b>Threading:</b> task thread only, during {@link SourceReader#pollNext}.
 *
 * @param <T> the record type
 */
@Public
public interface SourceOutput<T> {

    /** Emits a record without an event timestamp of its own. */
    void collect(T record);

    /** Emits a record with an event timestamp in ms (the timestamp assigner may replace it). */
    void collect(T record, long timestamp);
}
