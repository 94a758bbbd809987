package io.runnel.connector.file;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * Decides when the {@link FileSink} closes a bucket's in-progress part file and starts a new one. Every checkpoint
 * rolls every part file regardless of the policy: a transaction's files are closed and made durable at the
 * checkpoint's pre-commit, so a part file never spans two checkpoints (see {@link OnCheckpointRollingPolicy} for the
 * policy that rolls only then).
 *
 * <p><b>Threading:</b> called on the sink's task thread only.
 */
@Public
public interface RollingPolicy extends Serializable {

    /**
     * Asked before a record is written into an open part file.
     *
     * @param sizeBytes the part file's size so far (buffered bytes included)
     * @param createdMillis when the part file was opened, ms since the epoch
     * @param nowMillis the current processing time, ms since the epoch
     * @return true to close it and write the record into a new part file
     */
    boolean shouldRollOnEvent(long sizeBytes, long createdMillis, long nowMillis);

    /**
     * Asked now and then (about every thousand records the sink writes, for every open part file).
     *
     * @param lastWriteMillis when the last record went into the part file, ms since the epoch
     * @return true to close the part file now
     */
    boolean shouldRollOnProcessingTime(long sizeBytes, long createdMillis, long lastWriteMillis, long nowMillis);
}
