package io.runnel.connector.file;

import io.runnel.annotation.Public;

/**
 * Rolls part files only at checkpoints: one part file per bucket, subtask and checkpoint interval.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class OnCheckpointRollingPolicy implements RollingPolicy {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean shouldRollOnEvent(long sizeBytes, long createdMillis, long nowMillis) {
        return false;
    }

    @Override
    public boolean shouldRollOnProcessingTime(long sizeBytes, long createdMillis, long lastWriteMillis,
                                              long nowMillis) {
        return false;
    }
}
