package io.runnel.api.state;

import io.runnel.annotation.Public;

/**
 * The root of keyed state. Every state object is scoped to the key of the value being processed: the same
 * object reads and writes a different entry for each key.
 *
 * <p><b>Threading:</b> task thread only. Errors of the backend (e.g. RocksDB I/O) surface as unchecked
 * {@link StateAccessException}.
 */
@Public
public interface State {

    /** Removes the current key's entry. */
    void clear();
}
