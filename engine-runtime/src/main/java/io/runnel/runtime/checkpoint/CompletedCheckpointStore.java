package io.runnel.runtime.checkpoint;

import io.runnel.annotation.MainThread;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completed checkpoints a job keeps: the newest {@code retained} ones. Adding one beyond that discards the
 * oldest, its files and its references to shared files. Savepoints are never stored here (the user owns them).
 *
 * <p><b>Threading:</b> JobManager main thread only.
 */
public final class CompletedCheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CompletedCheckpointStore.class);

    private final int retained;
    private final SharedStateRegistry sharedState;
    private final ArrayDeque<CompletedCheckpoint> checkpoints = new ArrayDeque<>();

    /**
     * @param retained how many to keep, at least 1
     * @param sharedState the registry that owns the shared files
     */
    public CompletedCheckpointStore(int retained, SharedStateRegistry sharedState) {
        if (retained < 1) {
            throw new IllegalArgumentException("must retain at least one checkpoint, got " + retained);
        }
        this.retained = retained;
        this.sharedState = sharedState;
    }

    /** Keeps a completed checkpoint, discarding the oldest beyond the retained number. */
    @MainThread
    public void add(CompletedCheckpoint checkpoint) {
        sharedState.register(checkpoint);
        checkpoints.addLast(checkpoint);
        while (checkpoints.size() > retained) {
            discard(checkpoints.removeFirst());
        }
    }

    /** @return the newest checkpoint, or null */
    @MainThread
    public CompletedCheckpoint latest() {
        return checkpoints.peekLast();
    }

    /** @return the retained checkpoints, oldest first */
    @MainThread
    public List<CompletedCheckpoint> all() {
        return new ArrayList<>(checkpoints);
    }

    /** Forgets and discards a checkpoint found to be unusable (its metadata is corrupt). */
    @MainThread
    public void remove(CompletedCheckpoint checkpoint) {
        if (checkpoints.remove(checkpoint)) {
            discard(checkpoint);
        }
    }

    private void discard(CompletedCheckpoint checkpoint) {
        sharedState.unregister(checkpoint);
        try {
            checkpoint.discard();
        } catch (IOException e) {
            LOG.warn("Could not delete checkpoint {} in {}", checkpoint.checkpointId(), checkpoint.directory(), e);
        }
    }
}
