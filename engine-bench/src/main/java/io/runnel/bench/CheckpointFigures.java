package io.runnel.bench;

import io.runnel.runtime.checkpoint.CheckpointStatsTracker;
import java.util.List;

/**
 * The checkpoints of one engine run, as the job's {@link CheckpointStatsTracker} saw them once the job ended.
 *
 * <p><b>Contract:</b> {@code durationsMillis} and {@code sizesBytes} have one entry per completed checkpoint, in
 * completion order: the time from the trigger to the completion (metadata file written) in ms, and the bytes the
 * checkpoint refers to (shared files included, as the tracker counts them). {@code failed} counts the aborted
 * and declined ones (W5's failure aborts the checkpoint in flight, if any).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param durationsMillis per completed checkpoint, trigger to completion, ms
 * @param sizesBytes per completed checkpoint, bytes of state
 * @param failed checkpoints aborted or declined
 */
record CheckpointFigures(List<Long> durationsMillis, List<Long> sizesBytes, int failed) {

    CheckpointFigures {
        durationsMillis = List.copyOf(durationsMillis);
        sizesBytes = List.copyOf(sizesBytes);
        if (durationsMillis.size() != sizesBytes.size()) {
            throw new IllegalArgumentException("one duration and one size per checkpoint, got "
                    + durationsMillis.size() + " and " + sizesBytes.size());
        }
    }

    /** @return the figures of the checkpoints {@code tracker} recorded */
    static CheckpointFigures of(CheckpointStatsTracker tracker) {
        List<CheckpointStatsTracker.Completed> completed = tracker.completedCheckpoints();
        return new CheckpointFigures(completed.stream().map(CheckpointStatsTracker.Completed::durationMillis).toList(),
                completed.stream().map(CheckpointStatsTracker.Completed::stateSizeBytes).toList(),
                tracker.failedCount());
    }

    /** @return the number of completed checkpoints */
    int count() {
        return durationsMillis.size();
    }

    /** @return the size of the last completed checkpoint, or -1 if none completed */
    long lastSizeBytes() {
        return sizesBytes.isEmpty() ? -1 : sizesBytes.get(sizesBytes.size() - 1);
    }
}
