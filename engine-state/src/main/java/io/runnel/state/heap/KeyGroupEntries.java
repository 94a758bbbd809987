package io.runnel.state.heap;

/**
 * The encoded entries of one state or queue in one key group, as they appear in a snapshot's key-group section
 * (see {@link HeapSnapshotWriter} for the encoding): {@code bytes[0, length)} holds {@code count} entries.
 *
 * <p><b>Threading:</b> immutable when restored (the reader gives each its own array); a writer's instance wraps a
 * reused buffer and is valid only until the next call that produced it.
 *
 * @param count the number of entries
 * @param bytes the encoded entries
 * @param length the number of valid bytes
 */
record KeyGroupEntries(int count, byte[] bytes, int length) {
}
