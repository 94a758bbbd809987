package io.runnel.api.checkpoint;

import io.runnel.annotation.Public;

/**
 * Describes the checkpoint a {@link CheckpointedFunction} is snapshotting for.
 *
 * <p><b>Threading:</b> task thread only, during the call.
 */
@Public
public interface FunctionSnapshotContext {

    /** @return the checkpoint's id, increasing within a job */
    long getCheckpointId();

    /** @return when the JobManager triggered the checkpoint, in ms since the epoch */
    long getCheckpointTimestamp();
}
