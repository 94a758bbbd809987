package io.runnel.runtime.checkpoint;

import io.runnel.annotation.ThreadSafe;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts a job's checkpoints and remembers the duration and size of each completed one (for logs, benchmarks
 * and tests).
 *
 * <p><b>Threading:</b> thread-safe: written on the JobManager main thread, read from any thread.
 */
@ThreadSafe
public final class CheckpointStatsTracker {

    /**
     * One completed checkpoint.
     *
     * @param checkpointId its id
     * @param durationMillis from trigger to completion, ms
     * @param stateSizeBytes bytes it refers to, shared files included
     */
    public record Completed(long checkpointId, long durationMillis, long stateSizeBytes) {
    }

    private final List<Completed> completed = new ArrayList<>();
    private int failed;

    synchronized void completed(long checkpointId, long durationMillis, long stateSizeBytes) {
        completed.add(new Completed(checkpointId, durationMillis, stateSizeBytes));
    }

    synchronized void failed() {
        failed++;
    }

    /** @return the completed checkpoints and savepoints, in completion order */
    public synchronized List<Completed> completedCheckpoints() {
        return List.copyOf(completed);
    }

    /** @return how many checkpoints were aborted or failed */
    public synchronized int failedCount() {
        return failed;
    }
}
