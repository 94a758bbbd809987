package io.runnel.connector.file;

import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.connector.base.RecordEmitter;
import io.runnel.connector.base.SourceReaderBase;
import io.runnel.connector.base.SplitReader;
import java.util.Map;

/**
 * The reader of the line-based file sources: reads one file split at a time on its fetcher thread and asks for
 * the next split when one is finished.
 *
 * <p><b>Threading:</b> task thread only, besides the fetcher thread of {@link SourceReaderBase}.
 *
 * <p><b>Lifecycle:</b> {@link #start()} starts the fetcher and asks for the first split.
 *
 * @param <T> the record type
 */
final class FileSourceReader<T> extends SourceReaderBase<FileRecord<T>, T, FileSplit, FileSplitState> {

    FileSourceReader(SplitReader<FileRecord<T>, FileSplit> splitReader,
            RecordEmitter<FileRecord<T>, T, FileSplitState> recordEmitter, SourceReaderContext context) {
        super(splitReader, recordEmitter, context);
    }

    @Override
    public void start() throws Exception {
        super.start();
        context.sendSplitRequest();
    }

    @Override
    protected FileSplitState initializedState(FileSplit split) {
        return new FileSplitState(split);
    }

    @Override
    protected FileSplit toSplitType(String splitId, FileSplitState splitState) {
        return splitState.toSplit();
    }

    @Override
    protected void onSplitFinished(Map<String, FileSplitState> finishedSplitStates) {
        context.sendSplitRequest();
    }
}
