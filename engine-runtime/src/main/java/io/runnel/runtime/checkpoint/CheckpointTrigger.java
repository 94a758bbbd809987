package io.runnel.runtime.checkpoint;

import java.nio.file.Path;

/**
 * What kind of snapshot to take and what sources do around it.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param savepoint true for a savepoint (self-contained, user-owned)
 * @param savepointParent for a savepoint, the directory to create it in; null for checkpoints
 * @param terminate true to stop the job after the savepoint (stop-with-savepoint): sources emit no record after
 *     the barrier and end their input once it completes
 * @param drain with {@code terminate}: sources emit the final watermark before the barrier, so every event-time
 *     window and timer fires first
 */
public record CheckpointTrigger(boolean savepoint, Path savepointParent, boolean terminate, boolean drain) {

    /** A periodic checkpoint. */
    public static final CheckpointTrigger CHECKPOINT = new CheckpointTrigger(false, null, false, false);

    /** @return a savepoint into a new directory under {@code parent} */
    public static CheckpointTrigger savepoint(Path parent) {
        return new CheckpointTrigger(true, parent, false, false);
    }

    /** @return a savepoint after which the job stops */
    public static CheckpointTrigger stopWithSavepoint(Path parent, boolean drain) {
        return new CheckpointTrigger(true, parent, true, drain);
    }
}
