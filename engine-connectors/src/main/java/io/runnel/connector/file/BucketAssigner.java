package io.runnel.connector.file;

import io.runnel.annotation.Public;
import io.runnel.api.connector.sink.SinkFunction;
import java.io.Serializable;

/**
 * Chooses the bucket (a subdirectory of the {@link FileSink}'s base directory) a record is written into.
 *
 * <p><b>Contract:</b> {@link #bucketId} returns a relative path without {@code ..} (usually one directory name);
 * the same record may go to different buckets over time (the processing-time assigner). A bucket with a time range
 * reports its exclusive end through {@link #bucketEndMillis}, which the sink's partition commit compares with the
 * watermark (or with processing time when {@link #isEventTime()} is false).
 *
 * <p><b>Threading:</b> called on the sink's task thread only; one deserialized instance per subtask.
 *
 * @param <IN> the record type
 */
@Public
public interface BucketAssigner<IN> extends Serializable {

    /**
     * @param element the record
     * @param context its timestamp and the sink's watermark
     * @return the bucket id, a relative path under the sink's base directory
     */
    String bucketId(IN element, SinkFunction.Context context);

    /**
     * @param bucketId a bucket id this assigner returned (possibly in an earlier attempt)
     * @return the exclusive end of the bucket's time range, ms since the epoch, or {@code Long.MAX_VALUE} when the
     *     bucket has no time range (then no partition commit happens for it)
     */
    default long bucketEndMillis(String bucketId) {
        return Long.MAX_VALUE;
    }

    /** @return whether bucket ends are event time (compared with the watermark) rather than processing time */
    default boolean isEventTime() {
        return false;
    }
}
