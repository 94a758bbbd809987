package io.runnel.connector.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.connector.testing.TestingWriterInitContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrintSinkTest {

    @Test
    void prefixesTheSubtaskOnlyWhenParallelAsFlinkDoes() {
        assertEquals("", PrintSink.prefix("", 0, 1));
        assertEquals("3> ", PrintSink.prefix("", 2, 4));
        assertEquals("ids> ", PrintSink.prefix("ids", 0, 1));
        assertEquals("ids:1> ", PrintSink.prefix("ids", 0, 2));
    }

    @Test
    void printsEachRecordOnItsOwnLineToStdoutOrStderr() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            print(new PrintSink<>(), new TestingWriterInitContext(1, 2), "a", "b");
            print(new PrintSink<>(true), new TestingWriterInitContext(0, 1), "c");
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        String nl = System.lineSeparator();
        assertEquals("2> a" + nl + "2> b" + nl, out.toString(StandardCharsets.UTF_8));
        assertEquals("c" + nl, err.toString(StandardCharsets.UTF_8));
    }

    @SafeVarargs
    private static <T> void print(PrintSink<T> sink, TestingWriterInitContext context, T... records)
            throws Exception {
        try (SinkWriter<T> writer = sink.createWriter(context)) {
            for (T r : records) {
                writer.write(r, () -> null);
            }
            writer.flush(true);
        }
    }
}
