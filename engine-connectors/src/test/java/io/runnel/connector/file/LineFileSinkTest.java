package io.runnel.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.connector.testing.TestFiles;
import io.runnel.connector.testing.TestingWriterInitContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineFileSinkTest {

    @TempDir
    Path dir;

    @Test
    void writesOneLinePerRecordIntoThePartFileOfTheSubtask() throws Exception {
        Path out = dir.resolve("out");
        LineFileSink<Integer> sink = new LineFileSink<>(out, i -> "n=" + i);

        try (SinkWriter<Integer> writer = sink.createWriter(new TestingWriterInitContext(1, 2))) {
            writer.write(1, () -> null);
            writer.write(2, () -> null);
            writer.flush(false);
            assertEquals(List.of("n=1", "n=2"), TestFiles.read(out.resolve("part-1-0")));
            writer.write(3, () -> null);
            writer.flush(true);
        }

        assertEquals(List.of("n=1", "n=2", "n=3"), TestFiles.read(out.resolve("part-1-0")));
        assertEquals(out.resolve("part-1-0"), sink.partFile(1));
    }

    @Test
    void writesToStringByDefaultInUtf8() throws Exception {
        LineFileSink<String> sink = new LineFileSink<>(dir);

        try (SinkWriter<String> writer = sink.createWriter(new TestingWriterInitContext(0, 1))) {
            writer.write("grüße ✓", () -> null);
            writer.flush(true);
        }

        assertEquals(List.of("grüße ✓"), TestFiles.read(dir.resolve("part-0-0")));
    }
}
