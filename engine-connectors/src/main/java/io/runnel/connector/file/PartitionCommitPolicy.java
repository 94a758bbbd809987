package io.runnel.connector.file;

import io.runnel.annotation.Public;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What the {@link FileSink} does once a bucket with a time range is complete: the watermark (or processing time,
 * see {@link BucketAssigner#isEventTime()}) passed the bucket's end at a checkpoint's pre-commit and that
 * checkpoint's part files are finished. The default, {@link SuccessFileCommitPolicy}, writes {@code _SUCCESS}.
 *
 * <p><b>Contract:</b> called at most once per bucket and subtask in the common case, but again after a restore that
 * lost the record of the call, so it must be idempotent. With parallelism above 1 each subtask calls it when its
 * own files of the bucket are finished (there is no job-wide commit).
 *
 * <p><b>Threading:</b> the sink's task thread.
 */
@Public
@FunctionalInterface
public interface PartitionCommitPolicy extends Serializable {

    /**
     * @param bucketDirectory the bucket's directory
     * @param bucketId the bucket's id
     * @throws IOException to fail the task
     */
    void commit(Path bucketDirectory, String bucketId) throws IOException;
}
