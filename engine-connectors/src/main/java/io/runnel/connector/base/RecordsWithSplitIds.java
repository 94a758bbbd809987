package io.runnel.connector.base;

import io.runnel.annotation.Public;
import java.util.Set;

/**
 * One fetched batch: records grouped by split, and the splits that have ended.
 *
 * <p><b>Contract:</b> iterate as {@code while ((id = nextSplit()) != null) { while ((r = nextRecordFromSplit())
 * != null) ... }}; {@link #finishedSplits()} are reported finished only after all their records in this batch.
 *
 * <p><b>Threading:</b> created by the fetcher thread, then handed over to and read by the task thread only.
 *
 * @param <E> the record type
 */
@Public
public interface RecordsWithSplitIds<E> {

    /** @return the id of the next split with records in this batch, or null when there is none left */
    String nextSplit();

    /** @return the next record of the current split, or null when the split has no more records in this batch */
    E nextRecordFromSplit();

    /** @return the ids of the splits that this batch completes */
    Set<String> finishedSplits();
}
