package io.runnel.connector.kafka;

/**
 * The mutable position of a {@link KafkaPartitionSplit} being read: the offset after the last emitted record.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class KafkaSplitState {

    private final KafkaPartitionSplit split;
    /** The next offset to emit, or {@link KafkaPartitionSplit#UNSET_OFFSET} before the first emitted record. */
    private long nextOffset;

    KafkaSplitState(KafkaPartitionSplit split) {
        this.split = split;
        this.nextOffset = split.startingOffset();
    }

    KafkaPartitionSplit split() {
        return split;
    }

    long nextOffset() {
        return nextOffset;
    }

    void setNextOffset(long nextOffset) {
        this.nextOffset = nextOffset;
    }
}
