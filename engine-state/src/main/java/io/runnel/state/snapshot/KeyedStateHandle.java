package io.runnel.state.snapshot;

import io.runnel.state.KeyGroupRange;
import java.io.Serializable;
import java.util.Collection;

/**
 * The keyed state of one subtask of one operator in a checkpoint: what a backend's snapshot produced, and what a
 * restore of any key groups in {@link #keyGroupRange()} reads. A restore at another parallelism gets every handle
 * whose range intersects its own and keeps only its groups.
 *
 * <p><b>Threading:</b> immutable.
 */
public sealed interface KeyedStateHandle extends Serializable permits KeyGroupsStateHandle,
        IncrementalKeyedStateHandle {

    /** @return the key groups whose state the handle holds */
    KeyGroupRange keyGroupRange();

    /** @return the bytes the handle refers to, shared files included */
    long stateSize();

    /**
     * @return the files this handle shares with other checkpoints (incremental snapshots); the checkpoint
     *     coordinator reference-counts them and deletes one when no retained checkpoint refers to it
     */
    Collection<StreamStateHandle> sharedState();

    /** @return the bytes that belong to this checkpoint alone (deleted with it) */
    Collection<StreamStateHandle> privateState();
}
