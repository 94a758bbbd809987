package io.runnel.bench;

import io.runnel.api.connector.source.SourceSplit;

/**
 * A range of record indexes of an {@link IndexedSource}: the records {@code next .. end - 1}.
 *
 * <p><b>Contract:</b> {@code 0 <= next < end}; {@code next} is the reader's position, so a snapshot resumes there.
 * Because the record at an index depends only on the generator and the index (see {@link IndexedGenerator}), how
 * the index range is cut does not change the multiset of records.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param splitId unique among the source's splits
 * @param next the index of the next record to emit
 * @param end the index after the last record (exclusive)
 */
record IndexRangeSplit(String splitId, long next, long end) implements SourceSplit {

    IndexRangeSplit {
        if (next < 0 || next >= end) {
            throw new IllegalArgumentException("bad index split " + splitId + ": next " + next + ", end " + end);
        }
    }
}
