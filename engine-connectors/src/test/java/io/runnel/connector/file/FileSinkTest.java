package io.runnel.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.connector.testing.TestFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileSink} on real files, one subtask driven by {@link FileSinkTestHarness}: the stages of a part file,
 * rolling, restores (also twice from one checkpoint) and partition commits.
 */
class FileSinkTest {

    @TempDir
    Path dir;

    private FileSink<String> sink(RollingPolicy policy) {
        return FileSink.forRowFormat(dir, (String s) -> s).withBucketAssigner(new ConstantBucketAssigner<>("b"))
                .withRollingPolicy(policy).build();
    }

    private List<String> names() throws IOException {
        Path bucket = dir.resolve("b");
        if (!Files.isDirectory(bucket)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(bucket)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> committedLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path p : FileSink.finishedPartFiles(dir)) {
            lines.addAll(TestFiles.read(p));
        }
        return lines;
    }

    /** A bulk format with a header, records buffered until finish, and a trailer holding the record count. */
    static final class CountingFormat implements BulkWriter.Factory<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public BulkWriter<String> create(OutputStream out) throws IOException {
            out.write("BEGIN\n".getBytes(StandardCharsets.UTF_8));
            return new BulkWriter<>() {
                private final List<String> block = new ArrayList<>();
                private int count;

                @Override
                public void addElement(String element) {
                    block.add(element.toUpperCase(Locale.ROOT));
                    count++;
                }

                @Override
                public void flush() throws IOException {
                    for (String s : block) {
                        out.write((s + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                    block.clear();
                }

                @Override
                public void finish() throws IOException {
                    flush();
                    out.write(("END " + count + "\n").getBytes(StandardCharsets.UTF_8));
                }
            };
        }
    }

    @Test
    void aBulkFormatGetsOneWriterPerPartFileFinishedAtEachCheckpoint() throws Exception {
        FileSink<String> sink = FileSink.forBulkFormat(dir, new CountingFormat())
                .withBucketAssigner(new ConstantBucketAssigner<>("b")).build();
        FileSinkTestHarness h = new FileSinkTestHarness(sink, 0, 1).start();
        h.write("a", "b");
        h.snapshot(1);
        h.write("c");
        h.notifyComplete(1);
        assertEquals(List.of("BEGIN", "A", "B", "END 2"), TestFiles.read(dir.resolve("b/part-0-0")));
        h.snapshot(2);
        h.write("lost");
        h.notifyComplete(2);
        assertEquals(List.of("BEGIN", "C", "END 1"), TestFiles.read(dir.resolve("b/part-0-1")));
        h.close();
        assertEquals(List.of("part-0-0", "part-0-1"), names(), "close deletes the open transaction's file");
    }

    @Test
    void partFileIsInProgressThenPendingAfterPreCommitThenFinishedOnCompletion() throws Exception {
        FileSinkTestHarness h = new FileSinkTestHarness(sink(new OnCheckpointRollingPolicy()), 0, 1).start();
        h.write("a", "b", "é");
        assertEquals(List.of(".part-0-0.inprogress"), names());
        h.snapshot(1);
        assertEquals(List.of(".part-0-0.pending"), names());
        h.write("c");
        h.notifyComplete(1);
        assertEquals(List.of(".part-0-1.inprogress", "part-0-0"), names());
        assertEquals(List.of("a", "b", "é"), TestFiles.read(dir.resolve("b/part-0-0")));
        h.close();
        assertEquals(List.of("part-0-0"), names(), "close deletes the open transaction's file");
    }

    @Test
    void sizeRollingSplitsOneTransactionIntoSeveralPartFiles() throws Exception {
        RollingPolicy policy = DefaultRollingPolicy.builder().maxPartSize(10).build();
        FileSinkTestHarness h = new FileSinkTestHarness(sink(policy), 0, 1).start();
        List<String> expected = IntStream.range(0, 20).mapToObj(i -> "r" + i).toList();
        h.write(expected.toArray(String[]::new));
        assertTrue(names().stream().filter(n -> n.endsWith(".pending")).count() >= 5, names().toString());
        h.snapshot(1);
        h.notifyComplete(1);
        List<Path> parts = FileSink.finishedPartFiles(dir);
        assertTrue(parts.size() >= 5, "lines of 3 and 4 bytes reach 10 bytes every 3 or 4 records: " + parts);
        for (Path p : parts) {
            assertTrue(Files.size(p) < 10 + 4, p + " is " + Files.size(p) + " bytes: more than one line past 10");
        }
        assertEquals(expected, committedLines().stream().sorted((x, y) -> Integer.compare(
                Integer.parseInt(x.substring(1)), Integer.parseInt(y.substring(1)))).toList());
    }

    @Test
    void inactivityRollingClosesIdlePartFilesOnTheNextCheck() throws Exception {
        RollingPolicy policy = DefaultRollingPolicy.builder().inactivityInterval(Duration.ZERO).build();
        FileSinkTestHarness h = new FileSinkTestHarness(sink(policy), 0, 1).start();
        for (int i = 0; i < 3000; i++) {
            h.write("x" + i);
        }
        // Checked every 1024 records: two checks rolled two part files, the third is still open.
        assertEquals(List.of(".part-0-0.pending", ".part-0-1.pending", ".part-0-2.inprogress"), names());
        h.snapshot(1);
        h.notifyComplete(1);
        assertEquals(3000, committedLines().size());
    }

    @Test
    void onCheckpointRollingWritesOnePartFilePerCheckpoint() throws Exception {
        FileSinkTestHarness h = new FileSinkTestHarness(sink(new OnCheckpointRollingPolicy()), 0, 1).start();
        for (int c = 1; c <= 3; c++) {
            for (int i = 0; i < 2000; i++) {
                h.write(c + "-" + i);
            }
            h.snapshot(c);
        }
        h.snapshot(4);
        h.notifyComplete(4);
        assertEquals(List.of("part-0-0", "part-0-1", "part-0-2"), names(), "an empty transaction writes no file");
        assertEquals(6000, committedLines().size());
    }

    @Test
    void aJobResumedWithAnotherDirectoryFinishesTheRestoredFilesWhereTheyWereWritten() throws Exception {
        FileSinkTestHarness h = new FileSinkTestHarness(sink(new OnCheckpointRollingPolicy()), 0, 1).start();
        h.write("a");
        h.snapshot(1);
        Path other = dir.resolve("other");
        h.replaceSink(FileSink.forRowFormat(other, (String s) -> s).withBucketAssigner(new ConstantBucketAssigner<>("b"))
                .withRollingPolicy(new OnCheckpointRollingPolicy()).build());
        h.startFrom(1L);
        assertEquals(List.of("part-0-0"), names(), "checkpoint 1's file finished in the first directory");
        h.write("b");
        h.snapshot(2);
        h.notifyComplete(2);
        assertEquals(List.of("b"), TestFiles.read(other.resolve("b/part-0-1")));
        h.close();
    }

    @Test
    void restoreFinishesPendingFilesOfTheCheckpointAndDeletesStaleOnes() throws Exception {
        RollingPolicy policy = DefaultRollingPolicy.builder().maxPartSize(4).build();
        FileSinkTestHarness h = new FileSinkTestHarness(sink(policy), 0, 1).start();
        h.write("a1", "a2");
        h.snapshot(1);
        h.write("lost1", "lost2");
        h.snapshot(2);
        h.write("lost3");
        // Crash: checkpoint 1 completed but its notification never arrived; checkpoint 2 never completed.
        // a1 and a2 share part 0 (3 < 4 bytes before a2); lost1 fills part 1; lost2 rolls to part 2; lost3: part 3.
        assertEquals(List.of(".part-0-0.pending", ".part-0-1.pending", ".part-0-2.pending", ".part-0-3.inprogress"),
                names());
        h.startFrom(1L);
        assertEquals(List.of("part-0-0"), names(), "finished checkpoint 1's file, deleted the rest");
        h.write("b");
        h.snapshot(3);
        h.notifyComplete(3);
        assertEquals(List.of("part-0-0", "part-0-4"), names(), "the counter continued past 3, the highest on disk");
        assertEquals(List.of("a1", "a2", "b"), committedLines());
    }

    @Test
    void restoringTwiceFromOneCheckpointKeepsEveryRecordOnce() throws Exception {
        FileSinkTestHarness h = new FileSinkTestHarness(sink(new OnCheckpointRollingPolicy()), 0, 1).start();
        h.write("a");
        h.snapshot(1);
        h.notifyComplete(1);
        h.write("b");
        h.snapshot(2);
        h.write("lost");
        for (int attempt = 0; attempt < 2; attempt++) {
            h.startFrom(2L);
            h.write("x" + attempt);
            // Crash again before any new checkpoint.
        }
        h.startFrom(2L);
        h.write("c");
        h.snapshot(3);
        h.notifyComplete(3);
        assertEquals(List.of("a", "b", "c"), committedLines());
        assertTrue(names().stream().noneMatch(n -> n.startsWith(".")), names().toString());
    }

    @Test
    void endOfInputFinishesEverythingWithoutACheckpoint() throws Exception {
        FileSinkTestHarness h = new FileSinkTestHarness(sink(new OnCheckpointRollingPolicy()), 3, 4).start();
        h.write("a", "b");
        h.finish();
        h.close();
        assertEquals(List.of("part-3-0"), names());
        assertEquals(List.of("a", "b"), committedLines());
    }

    @Test
    void freshStartDeletesOnlyItsOwnSubtasksLeftovers() throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/.part-0-7.inprogress"), "stale\n");
        Files.writeString(dir.resolve("b/.part-1-0.inprogress"), "other subtask\n");
        Files.writeString(dir.resolve("b/part-0-3"), "old output\n");
        FileSinkTestHarness h = new FileSinkTestHarness(sink(new OnCheckpointRollingPolicy()), 0, 2).start();
        assertEquals(List.of(".part-1-0.inprogress", "part-0-3"), names());
        h.write("new");
        assertTrue(names().contains(".part-0-8.inprogress"), "past the highest counter on disk: " + names());
    }

    @Test
    void eventTimeBucketGetsSuccessMarkerOnceACommittedCheckpointSawTheWatermarkPassItsEnd() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, (String s) -> s)
                .withBucketAssigner(DateTimeBucketAssigner.eventTime()).build();
        FileSinkTestHarness h = new FileSinkTestHarness(sink, 0, 1).start();
        long hour = Instant.parse("2026-01-02T10:00:00Z").toEpochMilli();
        h.write("early", hour + 5, hour);
        h.write("later", hour + 3_600_000 + 5, hour + 3_600_000 - 1);
        h.snapshot(1);
        h.notifyComplete(1);
        Path first = dir.resolve("2026-01-02--10");
        Path second = dir.resolve("2026-01-02--11");
        assertTrue(Files.exists(first.resolve("part-0-0")));
        assertFalse(Files.exists(first.resolve(SuccessFileCommitPolicy.SUCCESS_FILE)), "watermark below 11:00");
        h.write("last", hour + 3_600_000 + 10, hour + 3_600_000);
        h.snapshot(2);
        assertFalse(Files.exists(first.resolve(SuccessFileCommitPolicy.SUCCESS_FILE)), "checkpoint 2 not complete");
        h.notifyComplete(2);
        assertTrue(Files.exists(first.resolve(SuccessFileCommitPolicy.SUCCESS_FILE)));
        assertFalse(Files.exists(second.resolve(SuccessFileCommitPolicy.SUCCESS_FILE)));
    }

    @Test
    void theSuccessMarkerWaitsForEverySubtaskAlsoOneWithoutFilesInTheBucket() throws Exception {
        long hour = Instant.parse("2026-01-02T10:00:00Z").toEpochMilli();
        List<FileSinkTestHarness> subtasks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            subtasks.add(new FileSinkTestHarness(FileSink.forRowFormat(dir, (String s) -> s)
                    .withBucketAssigner(DateTimeBucketAssigner.eventTime()).build(), i, 2).start());
        }
        Path bucket = dir.resolve("2026-01-02--10");
        Path success = bucket.resolve(SuccessFileCommitPolicy.SUCCESS_FILE);
        subtasks.get(0).write("only subtask 0 writes here", hour + 5, hour);
        subtasks.get(0).watermark(hour + 3_600_000);
        subtasks.get(1).watermark(hour + 1_000);
        for (FileSinkTestHarness h : subtasks) {
            h.snapshot(1);
        }
        subtasks.get(0).notifyComplete(1);
        subtasks.get(1).notifyComplete(1);
        assertTrue(Files.exists(bucket.resolve("part-0-0")));
        assertFalse(Files.exists(success), "subtask 1's committed output has not passed 11:00");

        // Subtask 1 gets no record, only watermarks; its commit completes the bucket although subtask 0 went first.
        subtasks.get(1).watermark(hour + 3_600_000);
        for (FileSinkTestHarness h : subtasks) {
            h.snapshot(2);
        }
        subtasks.get(0).notifyComplete(2);
        assertFalse(Files.exists(success), "subtask 1 has not committed checkpoint 2 yet");
        subtasks.get(1).notifyComplete(2);
        assertTrue(Files.exists(success));
        for (FileSinkTestHarness h : subtasks) {
            h.close();
        }
    }

    @Test
    void dateTimeAssignerNamesHoursAndParsesTheirEnds() {
        DateTimeBucketAssigner<String> assigner = DateTimeBucketAssigner.eventTime();
        long t = Instant.parse("2026-03-04T05:06:07Z").toEpochMilli();
        String id = assigner.bucketId("x", new FileSinkTestHarness.TestContext(t, 0));
        assertEquals("2026-03-04--05", id);
        assertEquals(Instant.parse("2026-03-04T06:00:00Z").toEpochMilli(), assigner.bucketEndMillis(id));
        assertEquals(Long.MAX_VALUE, assigner.bucketEndMillis("not-an-hour"));
        String now = DateTimeBucketAssigner.<String>processingTime().bucketId("x", null);
        assertTrue(now.matches("\\d{4}-\\d{2}-\\d{2}--\\d{2}"), now);
    }
}
