package io.runnel.api.connector.source;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * A data source of the FLIP-27 shape: a {@link SplitEnumerator} in the JobManager discovers splits and assigns
 * them to {@link SourceReader}s, one per parallel subtask, which read them without blocking the task thread.
 *
 * <p>Follows Flink's FLIP-27 ("Refactor Source Interface"). Unlike Flink's legacy {@code SourceFunction} there is
 * no checkpoint lock: readers are polled by the task's mailbox thread.
 *
 * @param <T> the type of the records
 * @param <SplitT> the split type
 * @param <EnumChkT> the type of the enumerator's checkpoint
 */
@Public
public interface Source<T, SplitT extends SourceSplit, EnumChkT> extends Serializable {

    /** @return whether the source ends */
    Boundedness getBoundedness();

    /**
     * Creates the enumerator; called once per job on the JobManager's main thread.
     *
     * @throws Exception to fail the job
     */
    SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> context) throws Exception;

    /**
     * Creates the reader of one subtask; called on that subtask's task thread.
     *
     * @throws Exception to fail the task
     */
    SourceReader<T, SplitT> createReader(SourceReaderContext context) throws Exception;

    /**
     * Recreates the enumerator from the state it had in a checkpoint ({@link SplitEnumerator#snapshotState}); called
     * on the JobManager's main thread when a job restores. The checkpoint object travels through Java
     * serialization, so it must be {@link Serializable} (lists of splits are).
     *
     * @throws Exception to fail the restore
     * @throws UnsupportedOperationException if the source cannot restore (the default)
     */
    default SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(SplitEnumeratorContext<SplitT> context,
                                                              EnumChkT checkpoint) throws Exception {
        throw new UnsupportedOperationException("Source " + getClass().getName() + " cannot restore its split "
                + "enumerator from a checkpoint: implement Source.restoreEnumerator");
    }
}
