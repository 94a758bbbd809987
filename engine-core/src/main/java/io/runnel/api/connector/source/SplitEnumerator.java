package io.runnel.api.connector.source;

import io.runnel.annotation.Public;
import java.util.List;

/**
 * Discovers splits and assigns them to readers. Runs in the JobManager.
 *
 * <p><b>Threading:</b> every method is called on the JobManager's main thread; the enumerator must not block it.
 *
 * @param <SplitT> the split type
 * @param <CheckpointT> the type of the enumerator's checkpoint
 */
@Public
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable {

    /** Starts the enumerator, e.g. lists the input files. */
    void start();

    /** A reader asks for a split (readers that ask rather than being pushed splits). */
    void handleSplitRequest(int subtaskId);

    /** Splits that were assigned to a failed reader come back to be reassigned. */
    void addSplitsBack(List<SplitT> splits, int subtaskId);

    /** A reader has registered; it can now receive splits. */
    void addReader(int subtaskId);

    /** @return the enumerator's state for checkpoint {@code checkpointId} (unassigned splits) */
    CheckpointT snapshotState(long checkpointId) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
