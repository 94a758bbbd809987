package io.runnel.connector.file;

import io.runnel.annotation.Public;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What the {@link FileSink} does once a bucket with a time range is complete: the watermark (or processing time,
 * see {@link BucketAssigner#isEventTime()}) passed the bucket's end at a checkpoint's pre-commit in every subtask,
 * and those checkpoints' part files are finished. The default, {@link SuccessFileCommitPolicy}, writes
 * {@code _SUCCESS}.
 *
 * <p><b>Contract:</b> called once every subtask's part files of the bucket are finished (job-wide). It may be
 * called more than once for a bucket (by several subtasks that see it complete at the same time, or again after a
 * restore that lost the record of the call), so it must be idempotent.
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
