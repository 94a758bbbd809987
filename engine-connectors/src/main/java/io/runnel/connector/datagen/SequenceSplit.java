package io.runnel.connector.datagen;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.SourceSplit;

/**
 * A contiguous range of a {@link SequenceSource}: the numbers {@code next .. last}, both inclusive.
 *
 * <p><b>Contract:</b> {@code next <= last}; {@code next} is the reader's position (the next number to emit), so a
 * snapshot resumes there.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param splitId unique among the source's splits
 * @param next the next number to emit
 * @param last the last number to emit
 */
@Public
public record SequenceSplit(String splitId, long next, long last) implements SourceSplit {

    public SequenceSplit {
        if (next > last) {
            throw new IllegalArgumentException("empty sequence split " + splitId + ": next " + next + " > last "
                    + last);
        }
    }
}
