package io.runnel.api.connector.source;

import io.runnel.annotation.Public;
import io.runnel.api.functions.RuntimeContext;

/**
 * What a reader may do beyond reading: ask for splits, use counters.
 *
 * <p><b>Threading:</b> task thread only.
 */
@Public
public interface SourceReaderContext {

    /** @return the index of this reader's subtask */
    int getIndexOfSubtask();

    /** Asks the enumerator for a split; the answer arrives as {@link SourceReader#addSplits} or no-more-splits. */
    void sendSplitRequest();

    /** @return the runtime context of the source's task (counters, accumulators) */
    RuntimeContext getRuntimeContext();
}
