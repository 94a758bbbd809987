package io.runnel.connector.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the records of one in-progress part file, in the row format (a line per record) or a bulk format, and
 * makes the file durable when it rolls. What {@link FileSink} needs from either format.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <IN> the record type
 */
interface PartWriter<IN> {

    /** @throws IOException if writing fails */
    void write(IN record) throws IOException;

    /** @return bytes written so far, buffered ones included (approximate for a bulk format) */
    long size();

    /** Completes the file, forces it to disk and closes it. @throws IOException if any of that fails */
    void closeDurably() throws IOException;

    /** Closes without completing; the file is about to be deleted. */
    void closeQuietly();

    /** @return a writer of lines from {@code encoder} into a new file (which must not exist) */
    static <IN> PartWriter<IN> rows(Path file, LineEncoder<IN> encoder) throws IOException {
        PartFileWriter lines = PartFileWriter.create(file);
        return new PartWriter<>() {
            @Override
            public void write(IN record) throws IOException {
                lines.writeLine(encoder.encode(record));
            }

            @Override
            public long size() {
                return lines.size();
            }

            @Override
            public void closeDurably() throws IOException {
                lines.closeDurably();
            }

            @Override
            public void closeQuietly() {
                lines.closeQuietly();
            }
        };
    }

    /** @return a writer through a {@link BulkWriter} from {@code factory} into a new file (which must not exist) */
    static <IN> PartWriter<IN> bulk(Path file, BulkWriter.Factory<IN> factory) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        CountingStream counted = new CountingStream(Channels.newOutputStream(channel));
        OutputStream out = new BufferedOutputStream(counted, 64 * 1024);
        BulkWriter<IN> writer;
        try {
            writer = factory.create(out);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new PartWriter<>() {
            @Override
            public void write(IN record) throws IOException {
                writer.addElement(record);
            }

            @Override
            public long size() {
                return counted.count;
            }

            @Override
            public void closeDurably() throws IOException {
                try {
                    writer.finish();
                    out.flush();
                    channel.force(false);
                } finally {
                    channel.close();
                }
            }

            @Override
            public void closeQuietly() {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Nothing to save: the part file is discarded.
                    return;
                }
            }
        };
    }

    /** Counts the bytes that reach the file, for size-based rolling. Threading: task thread only. */
    final class CountingStream extends java.io.FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
