package io.runnel.connector.file;

import io.runnel.api.common.LongCounter;
import io.runnel.api.connector.source.SourceOutput;
import io.runnel.connector.base.RecordEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits parsed lines and advances their split's line offset; a malformed line either fails the task with a
 * {@link MalformedCsvLineException} or, when skipping, is counted and (the first {@value #MAX_LOGGED_SKIPS} per
 * reader) logged.
 *
 * <p><b>Threading:</b> task thread only (the counter is the task's).
 *
 * @param <T> the record type
 */
final class FileRecordEmitter<T> implements RecordEmitter<FileRecord<T>, T, FileSplitState> {

    private static final Logger LOG = LoggerFactory.getLogger(FileRecordEmitter.class);

    /** Skipped lines logged per reader; more would drown the log when a whole file has the wrong format. */
    static final int MAX_LOGGED_SKIPS = 5;

    /** Null when malformed lines fail the task. */
    private final LongCounter skippedLines;
    private long skipped;

    /** @param skippedLines where skipped lines are counted, or null to fail on the first malformed line */
    FileRecordEmitter(LongCounter skippedLines) {
        this.skippedLines = skippedLines;
    }

    @Override
    public void emitRecord(FileRecord<T> record, SourceOutput<T> output, FileSplitState splitState)
            throws MalformedCsvLineException {
        if (record.isMalformed()) {
            handleMalformed(record, splitState.path());
        } else {
            output.collect(record.value());
        }
        splitState.setLineOffset(record.lineNumber());
    }

    private void handleMalformed(FileRecord<T> record, String path) throws MalformedCsvLineException {
        if (skippedLines == null) {
            throw new MalformedCsvLineException(path, record.lineNumber(), record.malformedReason(), record.line());
        }
        skippedLines.increment();
        skipped++;
        if (skipped <= MAX_LOGGED_SKIPS) {
            LOG.warn("{} (skipped{})", MalformedCsvLineException.describe(path, record.lineNumber(),
                    record.malformedReason(), record.line()),
                    skipped == MAX_LOGGED_SKIPS ? "; further skipped lines of this reader are not logged" : "");
        }
    }
}
