package io.runnel.bench;

import io.runnel.api.connector.source.SourceSplit;

/**
 * A range of draw indexes of a {@link ZipfWordSource}: the draws {@code next .. end - 1}.
 *
 * <p><b>Contract:</b> {@code 0 <= next < end}; {@code next} is the reader's position, so a snapshot resumes there.
 * Because the draw at an index depends only on (seed, index) (see {@link DrawCursor}), how the index range is cut
 * does not change the multiset of words.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param splitId unique among the source's splits
 * @param next the index of the next draw to emit
 * @param end the index after the last draw (exclusive)
 */
record ZipfSplit(String splitId, long next, long end) implements SourceSplit {

    ZipfSplit {
        if (next < 0 || next >= end) {
            throw new IllegalArgumentException("bad Zipf split " + splitId + ": next " + next + ", end " + end);
        }
    }
}
