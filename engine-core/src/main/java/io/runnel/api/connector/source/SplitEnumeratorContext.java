package io.runnel.api.connector.source;

import io.runnel.annotation.Public;
import java.util.Set;

/**
 * What an enumerator may do: see the readers and assign them splits.
 *
 * <p><b>Threading:</b> JobManager main thread only.
 *
 * @param <SplitT> the split type
 */
@Public
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {

    /** @return the source's parallelism */
    int currentParallelism();

    /** @return the subtask indexes of the readers that have registered */
    Set<Integer> registeredReaders();

    /** Assigns a split to the reader of subtask {@code subtaskId}; delivered to it as a mail. */
    void assignSplit(SplitT split, int subtaskId);

    /** Tells the reader of subtask {@code subtaskId} that it will get no more splits. */
    void signalNoMoreSplits(int subtaskId);
}
