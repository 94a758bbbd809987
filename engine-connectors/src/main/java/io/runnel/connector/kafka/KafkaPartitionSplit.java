package io.runnel.connector.kafka;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.SourceSplit;

/**
 * One partition of a Kafka topic as a source split, with the offset to read next and the offset to stop before.
 *
 * <p><b>Contract:</b> {@code startingOffset} is the offset of the next record to emit, {@link #UNSET_OFFSET}
 * while the reader has not yet resolved the source's {@link KafkaStartingOffsets}, or {@link #EARLIEST_OFFSET} for
 * a partition discovered while the job runs; {@code stoppingOffset} is the
 * first offset not to read (bounded mode), {@link #UNSET_OFFSET} for "the partition's end when the reader first
 * sees the split" (bounded mode), or {@link #NO_STOPPING_OFFSET} (unbounded). A snapshot holds the resolved
 * values, so a restored reader resumes at exactly {@code startingOffset}: nothing skipped, nothing repeated.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param startingOffset the next offset to emit, or {@link #UNSET_OFFSET}
 * @param stoppingOffset the offset to stop before, {@link #UNSET_OFFSET} or {@link #NO_STOPPING_OFFSET}
 */
@Public
public record KafkaPartitionSplit(String topic, int partition, long startingOffset, long stoppingOffset)
        implements SourceSplit {

    private static final long serialVersionUID = 1L;

    /** Not yet resolved: the reader resolves it when it is first assigned the split. */
    public static final long UNSET_OFFSET = -1;

    /**
     * Start at the partition's first offset whatever the source's starting offsets say: for partitions discovered
     * while the job runs, whose records would otherwise be skipped by "latest" (as Flink's KafkaSource does).
     */
    public static final long EARLIEST_OFFSET = -2;

    /** The split never ends (unbounded mode). */
    public static final long NO_STOPPING_OFFSET = Long.MAX_VALUE;

    @Override
    public String splitId() {
        return topic + "-" + partition;
    }

    @Override
    public String toString() {
        return splitId() + "[" + startingOffset + ", " + (stoppingOffset == NO_STOPPING_OFFSET ? "inf"
                : String.valueOf(stoppingOffset)) + ")";
    }
}
