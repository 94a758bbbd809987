package io.runnel.streamrecord;

import io.runnel.annotation.Internal;

/**
 * Separates the records that belong to checkpoint {@code checkpointId} from the ones after it. Sources emit it on
 * every output channel when the {@code CheckpointCoordinator} triggers them; tasks forward it once they have
 * snapshotted their operators (after Chandy and Lamport's marker algorithm as adapted in Carbone et al.,
 * "Lightweight Asynchronous Snapshots for Distributed Dataflows", 2015).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param checkpointId the id of the checkpoint, increasing per job
 * @param timestampMillis when the coordinator triggered it, ms since the epoch
 * @param savepoint true when a user asked for a savepoint rather than a periodic checkpoint
 * @param targetDirectory the absolute path of the directory the snapshot's exclusive files go to (as Flink's barrier
 *     carries a storage location reference): tasks need no other message to know where to write
 */
@Internal
public record CheckpointBarrier(long checkpointId, long timestampMillis, boolean savepoint, String targetDirectory)
        implements StreamElement {
}
