package io.runnel.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.connector.base.RecordsWithSplitIds;
import io.runnel.connector.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineSplitReaderTest {

    @TempDir
    Path dir;

    @Test
    void batchesHoldAtMostBatchSizeLinesAndTheLastReportsTheSplitFinished() throws Exception {
        Path file = TestFiles.write(dir.resolve("f.txt"), List.of("1", "2", "3", "4", "5"));
        LineSplitReader<String> reader = new LineSplitReader<>(line -> line, false, 2);
        reader.handleSplitsChanges(List.of(new FileSplit("f", file.toString(), 0)));

        assertEquals(List.of(1L, 2L), lineNumbers(reader.fetch(), "f", Set.of()));
        assertEquals(List.of(3L, 4L), lineNumbers(reader.fetch(), "f", Set.of()));
        // The batch that meets the end of the file reports the split finished together with its last lines.
        assertEquals(List.of(5L), lineNumbers(reader.fetch(), "f", Set.of("f")));
        reader.close();
    }

    @Test
    void aSplitWithALineOffsetResumesAfterItAndSkipsNoHeader() throws Exception {
        Path file = TestFiles.write(dir.resolve("f.csv.gz"), List.of("header", "1", "2", "3"));
        LineSplitReader<String> reader = new LineSplitReader<>(line -> line, true, 10);
        reader.handleSplitsChanges(List.of(new FileSplit("resumed", file.toString(), 2),
                new FileSplit("fresh", file.toString(), 0)));

        assertEquals(List.of(3L, 4L), lineNumbers(reader.fetch(), "resumed", Set.of("resumed")));
        assertEquals(List.of(2L, 3L, 4L), lineNumbers(reader.fetch(), "fresh", Set.of("fresh")));
        reader.close();
    }

    @Test
    void crlfLineEndingsAreStripped() throws Exception {
        Path file = dir.resolve("crlf.txt");
        Files.writeString(file, "a\r\nb\r\n");
        LineSplitReader<String> reader = new LineSplitReader<>(line -> line, false, 10);
        reader.handleSplitsChanges(List.of(new FileSplit("f", file.toString(), 0)));

        RecordsWithSplitIds<FileRecord<String>> batch = reader.fetch();
        batch.nextSplit();
        assertEquals("a", batch.nextRecordFromSplit().value());
        assertEquals("b", batch.nextRecordFromSplit().value());
        reader.close();
    }

    @Test
    void aGzipFileIsRecognisedWhateverTheCaseOfItsSuffix() throws Exception {
        Path gzip = TestFiles.write(dir.resolve("lower.gz"), List.of("x", "y"));
        Path upper = Files.move(gzip, dir.resolve("FLIGHTS.CSV.GZ"));
        LineSplitReader<String> reader = new LineSplitReader<>(line -> line, false, 10);
        reader.handleSplitsChanges(List.of(new FileSplit("f", upper.toString(), 0)));

        assertEquals(List.of("x", "y"), values(reader.fetch()));
        reader.close();
    }

    @Test
    void aByteOrderMarkAtTheStartOfAFileIsDropped() throws Exception {
        Path plain = dir.resolve("bom.csv");
        Files.writeString(plain, "\uFEFFa,b\n\uFEFFkept\n");
        Path gzip = TestFiles.write(dir.resolve("bom.csv.gz"), List.of("\uFEFF1", "2"));
        LineSplitReader<String> reader = new LineSplitReader<>(line -> line, false, 10);
        reader.handleSplitsChanges(List.of(new FileSplit("plain", plain.toString(), 0),
                new FileSplit("gz", gzip.toString(), 0)));

        // Only a file's first character is a byte order mark; U+FEFF later in the file is data.
        assertEquals(List.of("a,b", "\uFEFFkept"), values(reader.fetch()));
        assertEquals(List.of("1", "2"), values(reader.fetch()));
        reader.close();
    }

    private static List<String> values(RecordsWithSplitIds<FileRecord<String>> batch) {
        List<String> values = new ArrayList<>();
        while (batch.nextSplit() != null) {
            FileRecord<String> r;
            while ((r = batch.nextRecordFromSplit()) != null) {
                values.add(r.value());
            }
        }
        return values;
    }

    private static List<Long> lineNumbers(RecordsWithSplitIds<FileRecord<String>> batch, String splitId,
            Set<String> finished) {
        List<Long> numbers = new ArrayList<>();
        String id = batch.nextSplit();
        while (id != null) {
            assertEquals(splitId, id);
            FileRecord<String> r;
            while ((r = batch.nextRecordFromSplit()) != null) {
                assertTrue(!r.isMalformed());
                numbers.add(r.lineNumber());
            }
            id = batch.nextSplit();
        }
        assertEquals(finished, batch.finishedSplits());
        return numbers;
    }
}
