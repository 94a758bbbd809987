package io.runnel.api.connector.source;

import io.runnel.annotation.Public;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the splits assigned to one subtask.
 *
 * <p><b>Contract:</b> {@link #pollNext} never blocks; a reader with blocking I/O does it on a fetcher thread of
 * its own (see the connector base classes) and completes {@link #isAvailable()} when data is ready. A reader may
 * emit several records per {@code pollNext} call, but should return within about a millisecond.
 *
 * <p><b>Threading:</b> every method is called on the subtask's task thread; the future from
 * {@link #isAvailable()} may be completed by any thread.
 *
 * <p><b>Lifecycle:</b> {@link #start()}, then {@code pollNext}/{@code addSplits} interleaved, then
 * {@link #close()} (also after a failure).
 *
 * @param <T> the record type
 * @param <SplitT> the split type
 */
@Public
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {

    /** Starts the reader, e.g. asks for the first split. @throws Exception to fail the task */
    void start() throws Exception;

    /**
     * Emits available records.
     *
     * @return whether more records are available right away, none for now, or none ever
     * @throws Exception to fail the task
     */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** @return a future that completes when {@link #pollNext} has something to do */
    CompletableFuture<Void> isAvailable();

    /** Hands the reader newly assigned splits. */
    void addSplits(List<SplitT> splits);

    /** The enumerator will assign no more splits to this reader. */
    void notifyNoMoreSplits();

    /** @return the unfinished splits with their current positions, for checkpoint {@code checkpointId} */
    List<SplitT> snapshotState(long checkpointId);

    /**
     * Checkpoint {@code checkpointId} completed: every split position this reader returned from
     * {@code snapshotState(checkpointId)} is durable. A reader may tell an external system (e.g. commit offsets
     * for monitoring); it must not rely on being told, since a notification can be lost in a failure. Task thread.
     *
     * @throws Exception to fail the task
     */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }
}
