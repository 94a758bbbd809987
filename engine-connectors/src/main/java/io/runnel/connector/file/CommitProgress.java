package io.runnel.connector.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job-wide side of the {@link FileSink}'s partition commit: each subtask publishes, after every commit, how far
 * its committed output reaches (the latest pre-commit time of a committed transaction) and which buckets it has
 * finished files in that wait for a partition commit, as one small file per subtask under
 * {@code <base>/.commit-progress/<subtask>-of-<parallelism>}. A bucket is complete when the minimum over all
 * subtasks' times passed its end: then every subtask's files of it are finished. Whichever subtask publishes last
 * sees every other's progress, so the commit happens even when the subtask with the bucket's files published
 * first (at the final checkpoint nobody publishes again). After the partition commit of the Flink filesystem
 * connector, which gathers the same facts in a single committer operator; Runnel has no such operator, so the
 * subtasks meet in the file system.
 *
 * <p>File format, UTF-8 lines: the committed time in ms, then one {@code <bucketEndMillis> <bucketId>} per waiting
 * bucket. Written to a temporary file and renamed atomically, so a reader sees a whole file or the previous one.
 *
 * <p><b>Threading:</b> stateless; called on the sink's task thread. Subtasks of one sink write different files.
 */
final class CommitProgress {

    static final String DIRECTORY = ".commit-progress";

    /** One subtask's published progress. */
    record Entry(long committedTimeMillis, Map<String, Long> awaiting) {
    }

    private CommitProgress() {
    }

    /**
     * Publishes this subtask's progress.
     *
     * @throws IOException if the file cannot be written
     */
    static void publish(Path base, int subtask, int parallelism, long committedTimeMillis,
                        Map<String, Long> awaiting) throws IOException {
        Path dir = base.resolve(DIRECTORY);
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder().append(committedTimeMillis).append('\n');
        awaiting.forEach((bucket, end) -> text.append(end).append(' ').append(bucket).append('\n'));
        Path file = dir.resolve(subtask + "-of-" + parallelism);
        Path tmp = dir.resolve("." + subtask + "-of-" + parallelism + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * @return every subtask's progress at this parallelism, or null while one of them has published none
     * @throws IOException if a file cannot be read or is malformed (named in the message)
     */
    static List<Entry> readAll(Path base, int parallelism) throws IOException {
        List<Entry> all = new ArrayList<>(parallelism);
        for (int i = 0; i < parallelism; i++) {
            Path file = base.resolve(DIRECTORY).resolve(i + "-of-" + parallelism);
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return null;
            }
            all.add(parse(file, lines));
        }
        return all;
    }

    private static Entry parse(Path file, List<String> lines) throws IOException {
        try {
            long time = Long.parseLong(lines.get(0));
            Map<String, Long> awaiting = new TreeMap<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                int space = line.indexOf(' ');
                awaiting.put(line.substring(space + 1), Long.parseLong(line.substring(0, space)));
            }
            return new Entry(time, awaiting);
        } catch (RuntimeException e) {
            throw new IOException("malformed partition-commit progress file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the buckets every subtask's committed output has passed the end of (from any subtask's waiting list),
     *     by id with their ends
     */
    static Map<String, Long> completeBuckets(List<Entry> all) {
        long min = Long.MAX_VALUE;
        for (Entry e : all) {
            min = Math.min(min, e.committedTimeMillis());
        }
        Map<String, Long> complete = new TreeMap<>();
        for (Entry e : all) {
            for (Map.Entry<String, Long> bucket : e.awaiting().entrySet()) {
                if (bucket.getValue() <= min) {
                    complete.put(bucket.getKey(), bucket.getValue());
                }
            }
        }
        return complete;
    }
}
