package io.runnel.connector.file;

import io.runnel.api.common.LongCounter;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.connector.base.StaticSplitEnumerator;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * What the line-based file sources share: their files, how a line becomes a record, and whether there is a
 * header and malformed lines are skipped. {@link TextLineFileSource} and {@link CsvSource} differ only in it.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param paths absolute paths of files or directories
 * @param parser turns a line into a record
 * @param skipHeader whether the first line of each file is skipped
 * @param skippedLinesCounter the counter name for skipped malformed lines, or null to fail on them
 * @param <T> the record type
 */
record LineFileFormat<T>(List<String> paths, LineParser<T> parser, boolean skipHeader, String skippedLinesCounter)
        implements Serializable {

    /** Lines per fetched batch: large enough to amortise the hand-over, small enough for a 1 ms poll. */
    static final int BATCH_SIZE_LINES = 1000;

    LineFileFormat {
        paths = List.copyOf(paths);
    }

    /** @throws IOException if a path does not exist or a directory cannot be listed (fails the job) */
    SplitEnumerator<FileSplit, List<FileSplit>> createEnumerator(SplitEnumeratorContext<FileSplit> context)
            throws IOException {
        return new StaticSplitEnumerator<>(context, FileSplits.enumerate(paths));
    }

    SourceReader<T, FileSplit> createReader(SourceReaderContext context) {
        LongCounter skipped = skippedLinesCounter == null ? null
                : context.getRuntimeContext().getLongCounter(skippedLinesCounter);
        return new FileSourceReader<>(new LineSplitReader<>(parser, skipHeader, BATCH_SIZE_LINES),
                new FileRecordEmitter<>(skipped), context);
    }
}
