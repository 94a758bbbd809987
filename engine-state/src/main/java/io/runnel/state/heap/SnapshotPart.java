package io.runnel.state.heap;

import java.io.IOException;

/**
 * One state or queue of a heap snapshot, as captured by the synchronous part: its header line (name, kind, flags)
 * and, per key group, its encoded entries. Registered states and queues encode the objects captured by
 * copy-on-write; restored states that were never registered again give back the bytes they were restored from.
 *
 * <p><b>Threading:</b> created on the task thread, then used by the one async snapshot thread.
 */
interface SnapshotPart {

    /** @return the state's or queue's name */
    String name();

    /** @return the kind code of {@link HeapSnapshotWriter} */
    int kindCode();

    /** @return the flags of {@link HeapSnapshotWriter} ({@code FLAG_TTL}) */
    int flags();

    /**
     * @param keyGroup a key group of the snapshot's range, asked for in ascending order
     * @return the entries of the group, or null if it has none; valid until the next call
     * @throws IOException if a serializer fails
     */
    KeyGroupEntries entriesOf(int keyGroup) throws IOException;
}
