package io.runnel.connector.kafka;

import io.runnel.annotation.Public;

import java.io.Serializable;

/**
 * Where a {@link KafkaSource} starts reading a partition that it has no checkpointed offset for.
 *
 * <p><b>Contract:</b> resolved by the reader when it is first assigned a partition: {@link #earliest()} is the log
 * start, {@link #latest()} the log end at that moment, {@link #committed()} the consumer group's committed
 * offset (the log start if the group has none), {@link #timestamp(long)} the first record whose timestamp is at
 * or after the given epoch milliseconds (the log end if there is none). A restored split always resumes at its
 * checkpointed offset instead.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param kind how to resolve the offset
 * @param timestampMillis the epoch milliseconds for {@link Kind#TIMESTAMP}, else 0
 */
@Public
public record KafkaStartingOffsets(Kind kind, long timestampMillis) implements Serializable {

    /** How a starting offset is resolved. */
    public enum Kind { EARLIEST, LATEST, COMMITTED, TIMESTAMP }

    /** @return start at each partition's first record */
    public static KafkaStartingOffsets earliest() {
        return new KafkaStartingOffsets(Kind.EARLIEST, 0);
    }

    /** @return start at each partition's end: only records produced after the reader starts */
    public static KafkaStartingOffsets latest() {
        return new KafkaStartingOffsets(Kind.LATEST, 0);
    }

    /** @return start at the group's committed offsets (needs a group id), else at the first record */
    public static KafkaStartingOffsets committed() {
        return new KafkaStartingOffsets(Kind.COMMITTED, 0);
    }

    /** @return start at the first record with a timestamp at or after {@code timestampMillis} */
    public static KafkaStartingOffsets timestamp(long timestampMillis) {
        return new KafkaStartingOffsets(Kind.TIMESTAMP, timestampMillis);
    }
}
