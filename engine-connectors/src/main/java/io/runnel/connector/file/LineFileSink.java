package io.runnel.connector.file;

import io.runnel.annotation.Public;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A sink that writes one line per record into a part file per subtask: {@code <dir>/part-<subtask>-0}.
 *
 * <pre>{@code
 * LineFileSink<Long> sink = new LineFileSink<>(dir.resolve("out"), n -> "n" + n);
 * env.fromSource(new SequenceSource(1, 10_000), "numbers").sinkTo(sink);
 * }</pre>
 * (from {@code SinksIT})
 *
 * <p><b>Contract:</b> each record becomes {@code encoder.encode(record)} (or {@code toString()}) followed by
 * {@code '\n'}, in UTF-8, buffered. The directory is created if needed; an existing part file is overwritten.
 * {@code flush} pushes the buffer to the file. Not transactional: each writer opens its part file with
 * truncation, so after a failure the part files hold whatever was flushed, and any later run of the job (or a
 * restarted attempt) truncates them and starts over, losing what they held. Transactional part files come
 * with the exactly-once file sink.
 *
 * <p><b>Threading:</b> immutable; its writers are task-thread only.
 *
 * <p><b>Lifecycle:</b> a writer opens its file when created and closes it in {@code close}; an I/O error fails
 * the task.
 *
 * @param <T> the record type
 */
@Public
public final class LineFileSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private static final int BUFFER_SIZE_CHARS = 64 * 1024;

    private final String directory;
    private final LineEncoder<T> encoder;

    /** @param directory where the part files go; records are written with {@code toString()} */
    public LineFileSink(Path directory) {
        this(directory, new ToStringEncoder<>());
    }

    /**
     * @param directory where the part files go
     * @param encoder turns a record into a line
     */
    public LineFileSink(Path directory, LineEncoder<T> encoder) {
        this.directory = directory.toAbsolutePath().normalize().toString();
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /** @return the path of the part file of subtask {@code subtaskIndex} */
    public Path partFile(int subtaskIndex) {
        return Path.of(directory, "part-" + subtaskIndex + "-0");
    }

    /** @throws IOException if the directory or the part file cannot be created */
    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        Files.createDirectories(Path.of(directory));
        Path file = partFile(context.getSubtaskId());
        BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER_SIZE_CHARS);
        return new LineFileSinkWriter<>(out, encoder);
    }

    /**
     * Writes one subtask's part file.
     *
     * <p><b>Threading:</b> task thread only.
     */
    private static final class LineFileSinkWriter<T> implements SinkWriter<T> {

        private final BufferedWriter out;
        private final LineEncoder<T> encoder;

        LineFileSinkWriter(BufferedWriter out, LineEncoder<T> encoder) {
            this.out = out;
            this.encoder = encoder;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            out.write(encoder.encode(element));
            out.write('\n');
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** The default encoder; a named class rather than a method reference, so the sink serializes predictably. */
    private static final class ToStringEncoder<T> implements LineEncoder<T> {

        private static final long serialVersionUID = 1L;

        @Override
        public String encode(T value) {
            return String.valueOf(value);
        }
    }
}
