package io.runnel.connector.file;

import io.runnel.connector.base.RecordsBySplits;
import io.runnel.connector.base.RecordsWithSplitIds;
import io.runnel.connector.base.SplitReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads the files of its splits one after another, line by line, and parses each line with a
 * {@link LineParser}; one batch holds at most {@code batchSize} lines of one file.
 *
 * <p><b>Contract:</b> UTF-8 (malformed bytes become U+FFFD; a byte order mark at the start of a file is
 * dropped); a file whose name ends in {@code .gz}, in any case, is gunzipped. A split starting at line offset 0 of a source with header skips the first line; a split with
 * offset {@code k > 0} skips {@code k} lines. The batch that reads a file's end reports its split finished (an
 * empty file gives an empty, finished batch). A line that does not parse becomes a malformed {@link FileRecord};
 * I/O errors are thrown and fail the task.
 *
 * <p><b>Threading:</b> fetcher thread only; {@link #wakeUp()} is a no-op because a fetch never waits for data
 * (it reads at most one batch of a local file).
 *
 * @param <T> the record type
 */
final class LineSplitReader<T> implements SplitReader<FileRecord<T>, FileSplit> {

    private static final int BUFFER_SIZE_BYTES = 64 * 1024;

    /** U+FEFF, which some editors write at the start of UTF-8 files; it is no part of the first line. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final LineParser<T> parser;
    private final boolean skipHeader;
    private final int batchSize;
    private final ArrayDeque<FileSplit> splits = new ArrayDeque<>();

    private FileSplit current;
    private BufferedReader reader;
    /** Lines of the current file read so far, = the number of the last line read. */
    private long lineNumber;

    LineSplitReader(LineParser<T> parser, boolean skipHeader, int batchSize) {
        this.parser = parser;
        this.skipHeader = skipHeader;
        this.batchSize = batchSize;
    }

    @Override
    public RecordsWithSplitIds<FileRecord<T>> fetch() throws IOException {
        if (current == null && !openNextSplit()) {
            return RecordsBySplits.empty();
        }
        List<FileRecord<T>> records = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            String line = readLine();
            if (line == null) {
                String splitId = current.splitId();
                closeCurrent();
                return RecordsBySplits.forSplit(splitId, records, true);
            }
            lineNumber++;
            records.add(parse(line));
        }
        return RecordsBySplits.forSplit(current.splitId(), records, false);
    }

    private FileRecord<T> parse(String line) {
        try {
            return FileRecord.parsed(parser.parse(line), lineNumber);
        } catch (MalformedLineException e) {
            return FileRecord.malformed(lineNumber, e.getMessage(), line);
        }
    }

    private boolean openNextSplit() throws IOException {
        FileSplit split = splits.pollFirst();
        if (split == null) {
            return false;
        }
        reader = open(Path.of(split.path()));
        current = split;
        lineNumber = 0;
        long toSkip = split.lineOffset() > 0 ? split.lineOffset() : (skipHeader ? 1 : 0);
        while (lineNumber < toSkip && readLine() != null) {
            lineNumber++;
        }
        return true;
    }

    /** @return the next line of the current file, without a byte order mark if it is the first line; or null */
    private String readLine() throws IOException {
        String line = reader.readLine();
        if (lineNumber == 0 && line != null && line.startsWith(BYTE_ORDER_MARK)) {
            return line.substring(BYTE_ORDER_MARK.length());
        }
        return line;
    }

    private static BufferedReader open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                in = new GZIPInputStream(in, BUFFER_SIZE_BYTES);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_SIZE_BYTES);
        } catch (IOException e) {
            // A file named .gz that is no gzip fails in the GZIPInputStream constructor; do not leak the stream.
            in.close();
            throw e;
        }
    }

    @Override
    public void handleSplitsChanges(List<FileSplit> splitsToAdd) {
        splits.addAll(splitsToAdd);
    }

    @Override
    public void wakeUp() {
        // fetch() reads at most one batch of a local file and never waits for data to appear.
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
    }

    private void closeCurrent() throws IOException {
        BufferedReader r = reader;
        reader = null;
        current = null;
        if (r != null) {
            r.close();
        }
    }
}
