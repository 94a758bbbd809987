package io.runnel.connector.file;

import io.runnel.annotation.Public;
import io.runnel.api.connector.sink.SinkFunction;
import java.util.Objects;

/**
 * Puts every record into one bucket of a fixed name (use {@code "."} for the base directory itself); its bucket has
 * no time range, so it gets no partition commit.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <IN> the record type
 */
@Public
public final class ConstantBucketAssigner<IN> implements BucketAssigner<IN> {

    private static final long serialVersionUID = 1L;

    private final String bucketId;

    /** @param bucketId the bucket every record goes to */
    public ConstantBucketAssigner(String bucketId) {
        this.bucketId = Objects.requireNonNull(bucketId, "bucketId");
    }

    @Override
    public String bucketId(IN element, SinkFunction.Context context) {
        return bucketId;
    }
}
