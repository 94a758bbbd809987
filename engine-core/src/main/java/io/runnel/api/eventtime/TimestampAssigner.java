package io.runnel.api.eventtime;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * Reads the event time of a record.
 *
 * <p><b>Threading:</b> called on the task thread only.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {

    /** The timestamp a record has when it has none. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * @param element the record
     * @param recordTimestamp the timestamp it carries already (e.g. from the source), or {@link #NO_TIMESTAMP}
     * @return its event time in ms since the epoch
     */
    long extractTimestamp(T element, long recordTimestamp);
}
