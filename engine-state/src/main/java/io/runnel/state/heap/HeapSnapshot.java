package io.runnel.state.heap;

import io.runnel.state.KeyGroupRange;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The asynchronous part of a heap backend snapshot: the states and queues as the synchronous part captured them
 * by copy-on-write, written by {@link HeapSnapshotWriter} into one stream.
 *
 * <p><b>Lifecycle:</b> holds snapshot version {@code version} of {@link CopyOnWriteVersions} from creation until
 * {@link #materialize()} returns or throws, or {@link #cancel()}; whichever comes first releases it (once), after
 * which the task thread stops copying for it.
 *
 * <p><b>Threading:</b> created on the task thread; {@code materialize()} on one async snapshot thread,
 * {@code cancel()} on any thread.
 */
final class HeapSnapshot implements AsyncSnapshot<KeyedStateHandle> {

    private final CheckpointStreamFactory streams;
    private final String nameHint;
    private final KeyGroupRange range;
    private final List<SnapshotPart> parts;
    private final CopyOnWriteVersions versions;
    private final int version;
    private final AtomicBoolean released = new AtomicBoolean();

    /**
     * @param parts the states and queues, in header order
     * @param version the snapshot version taken for this snapshot, released by this object
     */
    HeapSnapshot(CheckpointStreamFactory streams, String nameHint, KeyGroupRange range, List<SnapshotPart> parts,
                 CopyOnWriteVersions versions, int version) {
        this.streams = streams;
        this.nameHint = nameHint;
        this.range = range;
        this.parts = List.copyOf(parts);
        this.versions = versions;
        this.version = version;
    }

    @Override
    public KeyedStateHandle materialize() throws Exception {
        try {
            return HeapSnapshotWriter.write(streams, nameHint, range, parts);
        } finally {
            release();
        }
    }

    @Override
    public void cancel() {
        release();
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            versions.release(version);
        }
    }
}
