package io.runnel.state.snapshot;

/**
 * The asynchronous part of a snapshot: the task thread took a consistent, immutable view (copy-on-write tables,
 * a RocksDB native checkpoint) in the synchronous part; this writes it to checkpoint storage off the task thread.
 * After Flink's {@code SnapshotStrategy} split into a synchronous and an asynchronous part.
 *
 * <p><b>Lifecycle:</b> exactly one of {@link #materialize()} (which releases what the synchronous part holds when it
 * returns or throws) and {@link #cancel()} (for a snapshot abandoned before materializing) is called.
 *
 * <p><b>Threading:</b> {@code materialize()} runs on an async snapshot thread; {@code cancel()} on any thread.
 *
 * @param <H> the handle type
 */
public interface AsyncSnapshot<H> {

    /**
     * Writes the snapshot.
     *
     * @return the handle, or null if there was no state to write
     * @throws Exception if writing fails; the checkpoint is then declined
     */
    H materialize() throws Exception;

    /**
     * Releases what the synchronous part holds (a snapshot version of a copy-on-write table, a native checkpoint
     * directory) for a snapshot that will not be materialized.
     */
    default void cancel() {
    }

    /** @return a snapshot that holds no state */
    static <H> AsyncSnapshot<H> empty() {
        return () -> null;
    }
}
