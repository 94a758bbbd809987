package io.runnel.connector.print;

import io.runnel.annotation.Public;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import java.io.PrintStream;

/**
 * A sink that prints each record's {@code toString()} on its own line to standard out (or standard error),
 * as Flink's {@code PrintSink} does.
 *
 * <p><b>Contract:</b> each line is {@code <prefix><record>}, where the prefix is {@code "<subtask+1>> "} when the
 * sink's parallelism is above one, {@code "<identifier>:<subtask+1>> "} with an identifier, {@code
 * "<identifier>> "} with an identifier at parallelism one, and empty otherwise. The stream is the one
 * {@code System.out}/{@code System.err} refers to when the writer is created; lines of parallel writers
 * interleave whole (a {@link PrintStream} writes a line at once).
 *
 * <p><b>Threading:</b> immutable; its writers are task-thread only.
 *
 * <p><b>Lifecycle:</b> {@code flush} flushes the stream; {@code close} leaves it open (it is the process's).
 *
 * @param <T> the record type
 */
@Public
public final class PrintSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String identifier;
    private final boolean stdErr;

    /** Prints to standard out without an identifier. */
    public PrintSink() {
        this("", false);
    }

    /** @param stdErr true to print to standard error instead of standard out */
    public PrintSink(boolean stdErr) {
        this("", stdErr);
    }

    /**
     * @param identifier put in front of each line, to tell several print sinks apart ("" for none)
     * @param stdErr true to print to standard error instead of standard out
     */
    public PrintSink(String identifier, boolean stdErr) {
        this.identifier = identifier == null ? "" : identifier;
        this.stdErr = stdErr;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        PrintStream stream = stdErr ? System.err : System.out;
        return new PrintSinkWriter<>(stream, prefix(identifier, context.getSubtaskId(),
                context.getNumberOfParallelSubtasks()));
    }

    static String prefix(String identifier, int subtaskIndex, int parallelism) {
        if (parallelism > 1) {
            return (identifier.isEmpty() ? "" : identifier + ":") + (subtaskIndex + 1) + "> ";
        }
        return identifier.isEmpty() ? "" : identifier + "> ";
    }

    /**
     * Prints one subtask's records.
     *
     * <p><b>Threading:</b> task thread only.
     */
    private static final class PrintSinkWriter<T> implements SinkWriter<T> {

        private final PrintStream stream;
        private final String prefix;

        PrintSinkWriter(PrintStream stream, String prefix) {
            this.stream = stream;
            this.prefix = prefix;
        }

        @Override
        public void write(T element, Context context) {
            stream.println(prefix + element);
        }

        @Override
        public void flush(boolean endOfInput) {
            stream.flush();
        }

        @Override
        public void close() {
            stream.flush();
        }
    }
}
