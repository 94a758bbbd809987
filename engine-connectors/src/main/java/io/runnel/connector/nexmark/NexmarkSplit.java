package io.runnel.connector.nexmark;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.SourceSplit;

/**
 * The event ids {@code nextEventId, nextEventId + stride, nextEventId + 2 * stride, ...} below {@code endEventId}:
 * one of {@code stride} interleaved slices of the id range, so that the slices together hold every id once and
 * each advances through event time at the same pace.
 *
 * <p><b>Contract:</b> {@code 0 <= nextEventId < endEventId} and {@code stride >= 1}; {@code nextEventId} is the
 * reader's position (the next event to emit), so a snapshot resumes there. An unbounded source's splits end at
 * {@link NexmarkConfig#UNBOUNDED}.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param splitId unique among the source's splits
 * @param nextEventId the id of the next event to emit
 * @param stride the distance between consecutive ids of the split (the number of splits it was cut with)
 * @param endEventId the first id not in the range (exclusive)
 */
@Public
public record NexmarkSplit(String splitId, long nextEventId, long stride, long endEventId) implements SourceSplit {

    /** @throws IllegalArgumentException if the split is empty or the stride is not positive */
    public NexmarkSplit {
        if (nextEventId < 0 || nextEventId >= endEventId || stride < 1) {
            throw new IllegalArgumentException("invalid Nexmark split " + splitId + ": next " + nextEventId
                    + ", stride " + stride + ", end " + endEventId);
        }
    }
}
