package io.runnel.api.environment;

import io.runnel.annotation.Public;

/**
 * What a checkpoint guarantees about the state it captures.
 */
@Public
public enum CheckpointingMode {
    /**
     * Tasks with several inputs align barriers: a channel that delivered barrier n waits until n arrived on all, so
     * the snapshot reflects exactly the records before the barrier. State after a restore is as if every record
     * was processed once.
     */
    EXACTLY_ONCE,
    /**
     * Nothing waits for barriers; a task snapshots when the last one arrives. Records that arrived after a
     * barrier on an early channel are in the snapshot and are replayed after a restore: duplicates are possible,
     * loss is not. Lower latency under skew.
     */
    AT_LEAST_ONCE
}
