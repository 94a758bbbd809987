package io.runnel.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runnel.connector.testing.SourceTestHarness;
import io.runnel.connector.testing.TestFiles;
import io.runnel.connector.testing.TestingSplitEnumeratorContext;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLineFileSourceTest {

    private static final String FETCHER_PREFIX = "runnel-source-fetcher-test-source-";

    @TempDir
    Path dir;

    @Test
    void readsEveryLineOfPlainAndGzipFilesExactlyOnce() throws Exception {
        TestFiles.write(dir.resolve("a.txt"), lines("a", 2500));
        TestFiles.write(dir.resolve("b.txt.gz"), lines("b", 4321));
        TestFiles.write(dir.resolve("c.txt"), List.of());
        TestFiles.write(dir.resolve("d.txt"), List.of("ünïcødé ✓", "", "  spaces  "));
        Path single = TestFiles.write(Files.createTempFile(dir.getParent(), "single", ".txt"), lines("s", 3));
        List<String> expected = new ArrayList<>();
        for (Path p : List.of(dir.resolve("a.txt"), dir.resolve("b.txt.gz"), dir.resolve("d.txt"), single)) {
            expected.addAll(TestFiles.read(p));
        }

        List<String> out = new SourceTestHarness<>(new TextLineFileSource(dir, single), 3).runToEnd();

        assertEquals(sorted(expected), sorted(out));
        assertEquals(List.of(), TestFiles.liveThreads(FETCHER_PREFIX));
        Files.delete(single);
    }

    @Test
    void linesOfOneFileKeepTheirOrder() throws Exception {
        List<String> lines = lines("x", 5000);
        TestFiles.write(dir.resolve("x.txt"), lines);

        assertEquals(lines, new SourceTestHarness<>(new TextLineFileSource(dir.resolve("x.txt")), 1).runToEnd());
    }

    @Test
    void aDirectoryIsOneSplitPerRegularFileSortedByName() throws Exception {
        TestFiles.write(dir.resolve("b.txt"), List.of("b"));
        TestFiles.write(dir.resolve("a.txt.gz"), List.of("a"));
        Files.createDirectory(dir.resolve("sub"));
        TestingSplitEnumeratorContext<FileSplit> context = new TestingSplitEnumeratorContext<>(1);

        var enumerator = new TextLineFileSource(dir).createEnumerator(context);

        assertEquals(List.of(new FileSplit("0:" + dir.resolve("a.txt.gz"), dir.resolve("a.txt.gz").toString(), 0),
                new FileSplit("1:" + dir.resolve("b.txt"), dir.resolve("b.txt").toString(), 0)),
                enumerator.snapshotState(0));
    }

    @Test
    void aMissingPathFailsWhenTheEnumeratorIsCreated() {
        TextLineFileSource source = new TextLineFileSource(dir.resolve("missing"));

        assertThrows(NoSuchFileException.class,
                () -> source.createEnumerator(new TestingSplitEnumeratorContext<>(1)));
    }

    @Test
    void aReadErrorOnTheFetcherThreadFailsThePollAndEndsTheThread() throws Exception {
        Files.writeString(dir.resolve("fake.gz"), "this is not gzip\n");

        assertThrows(ZipException.class,
                () -> new SourceTestHarness<>(new TextLineFileSource(dir), 1).runToEnd());

        assertEquals(List.of(), TestFiles.liveThreads(FETCHER_PREFIX));
    }

    private static List<String> lines(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }
}
