package io.runnel.connector.base;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.SourceSplit;
import java.util.List;

/**
 * Reads records of its assigned splits with blocking I/O, one batch per {@link #fetch()} call.
 *
 * <p><b>Contract:</b> {@link #fetch()} returns a batch of records, each tagged with its split, plus the ids of the
 * splits that it has read to their end; every assigned split must eventually be reported finished (bounded
 * sources), even if it held no records, because the reader counts a split as done only then. A batch should be
 * small enough to emit within a few milliseconds (about 1,000 records). Records must not be null.
 *
 * <p><b>Threading:</b> every method except {@link #wakeUp()} is called by the reader's fetcher thread only;
 * {@link #wakeUp()} is called by the task thread while a {@link #fetch()} may be running.
 *
 * <p><b>Lifecycle:</b> {@link #handleSplitsChanges} and {@link #fetch()} interleaved (fetch is only called while
 * at least one assigned split is unfinished), then {@link #close()} once, also after a failure.
 *
 * @param <E> the type of the fetched records (before the {@link RecordEmitter} turns them into output records)
 * @param <SplitT> the split type
 */
@Public
public interface SplitReader<E, SplitT extends SourceSplit> {

    /**
     * Reads the next batch, blocking until some records are available, a split ends, or {@link #wakeUp()}
     * is called (then it may return an empty batch).
     *
     * @return the batch; never null
     * @throws Exception to fail the task; it surfaces from the reader's {@code pollNext} on the task thread
     */
    RecordsWithSplitIds<E> fetch() throws Exception;

    /**
     * Adds newly assigned splits, to be read after (or interleaved with) the current ones.
     *
     * @throws Exception to fail the task
     */
    void handleSplitsChanges(List<SplitT> splitsToAdd) throws Exception;

    /** Makes a blocked {@link #fetch()} return soon; a no-op for readers whose fetch never waits long. */
    void wakeUp();

    /**
     * Releases the reader's resources (open files, connections).
     *
     * @throws Exception is logged; it does not fail the task, which is already ending
     */
    void close() throws Exception;
}
