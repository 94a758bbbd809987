package io.runnel.state.heap;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.StringSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.PriorityQueueSpec;
import io.runnel.state.TtlTimeProvider;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.FsCheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.SnapshotType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Creates heap backends with String keys over ranges of {@value #MAX_PARALLELISM} key groups, restored from
 * handles through {@link HashMapStateBackend}, and snapshot streams into one checkpoint directory.
 *
 * <p><b>Threading:</b> the test thread only.
 */
final class HeapSnapshotFixture implements AutoCloseable {

    static final int MAX_PARALLELISM = 128;
    /** Streams below this many bytes come back inline, larger ones as files. */
    static final int INLINE_THRESHOLD_BYTES = 4096;

    private final Path storage;
    private final List<HeapKeyedStateBackend<?>> created = new ArrayList<>();
    private long nextCheckpointId = 1;

    /** @param storage an empty directory for checkpoint files */
    HeapSnapshotFixture(Path storage) {
        this.storage = storage;
    }

    /** @return a backend with String keys over {@code range}, restored from {@code restore} */
    HeapKeyedStateBackend<String> backend(KeyGroupRange range, List<KeyedStateHandle> restore) throws Exception {
        return backend(range, restore, TtlTimeProvider.SYSTEM);
    }

    /** @return a backend with String keys over {@code range} and the given TTL clock, restored from {@code restore} */
    HeapKeyedStateBackend<String> backend(KeyGroupRange range, List<KeyedStateHandle> restore,
                                          TtlTimeProvider clock) throws Exception {
        HeapKeyedStateBackend<String> backend = (HeapKeyedStateBackend<String>) new HashMapStateBackend()
                .createKeyedStateBackend(new KeyedStateBackendParameters<>("op", range, MAX_PARALLELISM,
                        StringSerializer.INSTANCE, getClass().getClassLoader(), clock, restore));
        created.add(backend);
        return backend;
    }

    /** @return the streams of the next checkpoint */
    CheckpointStreamFactory streams() {
        long id = nextCheckpointId++;
        return new FsCheckpointStreamFactory(id, SnapshotType.CHECKPOINT, storage.resolve("chk-" + id),
                storage.resolve("shared"), INLINE_THRESHOLD_BYTES);
    }

    /** @return the handle of a snapshot taken and materialized at once */
    KeyedStateHandle snapshotNow(HeapKeyedStateBackend<?> backend) throws Exception {
        AsyncSnapshot<KeyedStateHandle> snapshot = backend.snapshot(streams());
        return snapshot.materialize();
    }

    /** @return the key-group range of subtask {@code index} of {@code parallelism} */
    static KeyGroupRange rangeOf(int parallelism, int index) {
        return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, parallelism, index);
    }

    /** @return the key group of a key */
    static int keyGroupOf(Object key) {
        return KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM);
    }

    /** @return the handles whose range intersects {@code range}, as the runtime hands them to a restore */
    static List<KeyedStateHandle> handlesFor(KeyGroupRange range, List<KeyedStateHandle> all) {
        List<KeyedStateHandle> out = new ArrayList<>();
        for (KeyedStateHandle h : all) {
            if (h != null && h.keyGroupRange().intersection(range).numberOfKeyGroups() > 0) {
                out.add(h);
            }
        }
        return out;
    }

    @Override
    public void close() {
        created.forEach(HeapKeyedStateBackend::close);
    }

    /** A timer-like queue element of a String key: ordered by timestamp, then key. */
    record Timer(long timestamp, String key) {
        static final Comparator<Timer> ORDER = Comparator.comparingLong(Timer::timestamp)
                .thenComparing(Timer::key);
        static final PriorityQueueSpec<Timer> SPEC = new PriorityQueueSpec<>(ORDER, t -> keyGroupOf(t.key()),
                new TimerSerializer());
    }

    /** Writes a {@link Timer} as timestamp and key. */
    static final class TimerSerializer extends TypeSerializer<Timer> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(Timer value, DataOutputView out) throws IOException {
            out.writeLong(value.timestamp());
            out.writeUTF(value.key());
        }

        @Override
        public Timer deserialize(DataInputView in) throws IOException {
            return new Timer(in.readLong(), in.readUTF());
        }
    }
}
