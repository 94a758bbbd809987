package io.runnel.api.connector.sink;

import io.runnel.annotation.Public;

/**
 * Writes one subtask's records.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> {@link #write} for each record, {@link #flush(boolean)} with {@code endOfInput = true}
 * once a bounded input has ended, then {@link #close()} (also after a failure, without the flush).
 *
 * @param <T> the record type
 */
@Public
public interface SinkWriter<T> extends AutoCloseable {

    /**
     * Writes one record.
     *
     * @throws Exception to fail the task
     */
    void write(T element, Context context) throws Exception;

    /**
     * Makes everything written so far durable (or visible); {@code endOfInput} is true for the final flush.
     *
     * @throws Exception to fail the task
     */
    void flush(boolean endOfInput) throws Exception;

    /** What a writer may know about the current record. */
    interface Context {

        /** @return the record's event timestamp in ms, or null if it has none */
        Long timestamp();
    }
}
