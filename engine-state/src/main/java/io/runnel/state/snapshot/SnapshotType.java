package io.runnel.state.snapshot;

/** What a snapshot is for, which decides whether it may share files with other snapshots. */
public enum SnapshotType {
    /** A periodic checkpoint: owned by the job, may share files with earlier checkpoints (incremental). */
    CHECKPOINT,
    /** A savepoint: owned by the user, self-contained (every file it needs lies in its own directory). */
    SAVEPOINT
}
