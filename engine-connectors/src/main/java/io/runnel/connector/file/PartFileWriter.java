package io.runnel.connector.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends UTF-8 lines to one in-progress part file through a byte buffer of its own (ASCII is copied char by char,
 * other text encoded per line), and makes it durable on close.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> opened (file created, must not exist) by {@link #create}; {@link #writeLine} any number of
 * times; {@link #closeDurably} (flush, fsync, close) or {@link #closeQuietly} (after a failure).
 */
final class PartFileWriter {

    private static final int BUFFER_SIZE_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final byte[] buffer = new byte[BUFFER_SIZE_BYTES];
    private int position;
    private long flushedBytes;

    private PartFileWriter(FileChannel channel) {
        this.channel = channel;
    }

    /** @throws IOException if the file exists or cannot be created */
    static PartFileWriter create(Path file) throws IOException {
        return new PartFileWriter(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** Appends {@code line} and {@code '\n'}. @throws IOException if writing fails */
    void writeLine(String line) throws IOException {
        int n = line.length();
        if (n + 1 > buffer.length - position) {
            flush();
        }
        if (n + 1 <= buffer.length - position && copyAscii(line, n)) {
            return;
        }
        byte[] bytes = (line + '\n').getBytes(StandardCharsets.UTF_8);
        if (bytes.length > buffer.length - position) {
            flush();
            if (bytes.length > buffer.length) {
                writeFully(ByteBuffer.wrap(bytes));
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    /** @return whether the line was ASCII and is now in the buffer (else the buffer is as before) */
    private boolean copyAscii(String line, int n) {
        int p = position;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            buffer[p++] = (byte) c;
        }
        buffer[p++] = '\n';
        position = p;
        return true;
    }

    /** @return bytes written so far, buffered ones included */
    long size() {
        return flushedBytes + position;
    }

    private void flush() throws IOException {
        if (position > 0) {
            writeFully(ByteBuffer.wrap(buffer, 0, position));
            position = 0;
        }
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        int n = bytes.remaining();
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        flushedBytes += n;
    }

    /** Flushes, forces the content to disk and closes. @throws IOException if any of it fails */
    void closeDurably() throws IOException {
        try {
            flush();
            channel.force(false);
        } finally {
            channel.close();
        }
    }

    /** Closes without flushing; the file is about to be deleted. */
    void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to save: the part file is discarded.
        }
    }
}
