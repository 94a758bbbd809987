package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.functions.KeySelector;
import java.io.Serializable;

/**
 * How records of an edge are distributed over the consumer's subtasks.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param kind the distribution
 * @param keySelector the key of each record, for {@link Kind#HASH} only
 */
@Internal
public record PartitionerSpec(Kind kind, KeySelector<?, ?> keySelector) implements Serializable {

    /** The distributions (Flink's partitioners of the same names). */
    public enum Kind {
        /** Producer subtask i to consumer subtask i; requires equal parallelism; allows chaining. */
        FORWARD,
        /** Round robin over all consumers. */
        REBALANCE,
        /** Round robin over the consumers "near" the producer (pointwise groups). */
        RESCALE,
        /** Uniformly random consumer, from a fixed seed per producer. */
        SHUFFLE,
        /** Every consumer gets every record. */
        BROADCAST,
        /** The consumer owning the record's key group. */
        HASH
    }

    public static final PartitionerSpec FORWARD = new PartitionerSpec(Kind.FORWARD, null);
    public static final PartitionerSpec REBALANCE = new PartitionerSpec(Kind.REBALANCE, null);
    public static final PartitionerSpec RESCALE = new PartitionerSpec(Kind.RESCALE, null);
    public static final PartitionerSpec SHUFFLE = new PartitionerSpec(Kind.SHUFFLE, null);
    public static final PartitionerSpec BROADCAST = new PartitionerSpec(Kind.BROADCAST, null);

    /** @return a hash partitioner by the given key */
    public static PartitionerSpec hash(KeySelector<?, ?> keySelector) {
        return new PartitionerSpec(Kind.HASH, keySelector);
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
