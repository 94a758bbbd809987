package io.runnel.state.rocksdb;

import io.runnel.annotation.GuardedBy;
import io.runnel.annotation.TaskThread;
import io.runnel.state.snapshot.StreamStateHandle;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which SST files in checkpoint storage the next incremental checkpoint of one backend may refer to instead of
 * uploading them again: those of the latest checkpoint known to be complete (or of the handle the backend was
 * restored from). Files of a checkpoint that is still pending are not reused, because the checkpoint may yet be
 * aborted and its files deleted; files of an aborted checkpoint are forgotten.
 *
 * <p><b>Contract:</b> {@code confirmed()} = the SST files (by name in the database directory) of checkpoint c, where
 * c is the greatest id passed to {@link #checkpointCompleted} whose uploads were {@linkplain #recordUploads
 * recorded}, or the restored handle's files before that. Uploads of an id passed to {@link #checkpointAborted} are
 * never confirmed, even if recorded after the abort. Only the latest completed checkpoint's files are offered
 * because the checkpoint coordinator may delete files of checkpoints it no longer retains.
 *
 * <p><b>Threading:</b> thread-safe (guarded by {@code lock}): {@link #recordUploads} runs on async snapshot threads,
 * the other methods on the task thread.
 */
final class RocksDBUploadedFiles {

    private final Object lock = new Object();
    /** Per checkpoint not yet known complete: the SST files its handle refers to. */
    @GuardedBy("lock")
    private final NavigableMap<Long, Map<String, StreamStateHandle>> pending = new TreeMap<>();
    /** Aborted checkpoints above {@link #confirmedCheckpointId}, so that a late {@link #recordUploads} is ignored. */
    @GuardedBy("lock")
    private final Set<Long> aborted = new HashSet<>();
    @GuardedBy("lock")
    private Map<String, StreamStateHandle> confirmed;
    @GuardedBy("lock")
    private long confirmedCheckpointId;

    /**
     * @param restoredFiles the shared SST files of the handle the backend was restored from, by file name; empty
     *     for a fresh backend, a savepoint or a rescaled restore (whose database files are new)
     * @param restoredCheckpointId that handle's checkpoint id; -1 if none
     */
    RocksDBUploadedFiles(Map<String, StreamStateHandle> restoredFiles, long restoredCheckpointId) {
        this.confirmed = Map.copyOf(restoredFiles);
        this.confirmedCheckpointId = restoredCheckpointId;
    }

    /** @return the reusable SST files by name: an immutable map, safe to hand to the async part of a snapshot */
    @TaskThread
    Map<String, StreamStateHandle> confirmed() {
        synchronized (lock) {
            return confirmed;
        }
    }

    /** @return the checkpoint whose files {@link #confirmed()} returns; -1 if none */
    long confirmedCheckpointId() {
        synchronized (lock) {
            return confirmedCheckpointId;
        }
    }

    /**
     * Remembers the SST files a materialized checkpoint refers to (reused ones included), to be confirmed when it
     * completes.
     */
    void recordUploads(long checkpointId, Map<String, StreamStateHandle> sstFiles) {
        synchronized (lock) {
            if (checkpointId > confirmedCheckpointId && !aborted.contains(checkpointId)) {
                pending.put(checkpointId, Map.copyOf(sstFiles));
            }
        }
    }

    /**
     * Confirms the checkpoint's files if it is newer than the confirmed one and its uploads are known (a savepoint's
     * are not: its files are private), and drops what older checkpoints recorded.
     */
    @TaskThread
    void checkpointCompleted(long checkpointId) {
        synchronized (lock) {
            Map<String, StreamStateHandle> files = pending.get(checkpointId);
            if (files == null || checkpointId <= confirmedCheckpointId) {
                return;
            }
            confirmed = files;
            confirmedCheckpointId = checkpointId;
            pending.headMap(checkpointId, true).clear();
            aborted.removeIf(id -> id <= checkpointId);
        }
    }

    /** Forgets the checkpoint's uploads, now and if they are recorded later. */
    @TaskThread
    void checkpointAborted(long checkpointId) {
        synchronized (lock) {
            pending.remove(checkpointId);
            if (checkpointId > confirmedCheckpointId) {
                aborted.add(checkpointId);
            }
        }
    }

    /** @return the number of checkpoints whose uploads wait for completion; for tests */
    int pendingCheckpoints() {
        synchronized (lock) {
            return pending.size();
        }
    }
}
