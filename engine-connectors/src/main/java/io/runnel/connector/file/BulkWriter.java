package io.runnel.connector.file;

import io.runnel.annotation.Public;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Writes records into one part file in a format that encodes many records together (columnar files, compressed
 * blocks, a header and a trailer), for {@link FileSink#forBulkFormat}. After Flink's {@code BulkWriter}: the sink
 * gives each part file's stream to a new writer from the {@link Factory}, calls {@link #addElement} per record
 * and {@link #finish()} when the part rolls (at every checkpoint's pre-commit, or by the rolling policy); then it
 * flushes, forces the file to disk and closes the stream itself.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record type
 */
@Public
public interface BulkWriter<T> {

    /**
     * Adds one record; it may stay buffered until {@link #flush()} or {@link #finish()}.
     *
     * @throws IOException if writing fails (the task fails)
     */
    void addElement(T element) throws IOException;

    /**
     * Writes what is buffered to the stream, leaving the format open for more records.
     *
     * @throws IOException if writing fails
     */
    void flush() throws IOException;

    /**
     * Completes the file (trailer, footer, the last block) and writes it to the stream. Must not close the stream.
     *
     * @throws IOException if writing fails (the pre-commit, and so the checkpoint, fails)
     */
    void finish() throws IOException;

    /**
     * Creates a writer per part file. Serialized with the job.
     *
     * @param <T> the record type
     */
    @FunctionalInterface
    interface Factory<T> extends Serializable {
        /**
         * @param out the part file's stream, positioned at its start; the sink closes it
         * @return a writer for that part file
         * @throws IOException if the format cannot start (e.g. writing a header fails)
         */
        BulkWriter<T> create(OutputStream out) throws IOException;
    }
}
