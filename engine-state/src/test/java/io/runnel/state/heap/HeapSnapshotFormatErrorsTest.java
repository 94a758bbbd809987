package io.runnel.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.heap.HeapSnapshotFixture.Timer;
import io.runnel.state.snapshot.ByteStreamStateHandle;
import io.runnel.state.snapshot.FileStateHandle;
import io.runnel.state.snapshot.IncrementalKeyedStateHandle;
import io.runnel.state.snapshot.KeyGroupsStateHandle;
import io.runnel.state.snapshot.KeyedStateHandle;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restore of the heap backend reports for damaged, foreign or mismatched snapshots. */
class HeapSnapshotFormatErrorsTest {

    private static final KeyGroupRange ALL = KeyGroupRange.of(0, HeapSnapshotFixture.MAX_PARALLELISM - 1);

    @TempDir
    Path storage;

    private HeapSnapshotFixture fixture;

    private HeapSnapshotFixture fixture() {
        if (fixture == null) {
            fixture = new HeapSnapshotFixture(storage);
        }
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** @return a snapshot of a value state "v" with {@code keys} keys "k0".. holding their index */
    private KeyGroupsStateHandle snapshotOfValues(int keys) throws Exception {
        HeapKeyedStateBackend<String> backend = fixture().backend(ALL, List.of());
        ValueState<Long> v = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
        for (int i = 0; i < keys; i++) {
            backend.setCurrentKey("k" + i);
            v.update((long) i);
        }
        return (KeyGroupsStateHandle) fixture().snapshotNow(backend);
    }

    @Test
    void aDamagedByteIsReportedWithTheHandleAndTheKeyGroup() throws Exception {
        KeyGroupsStateHandle handle = snapshotOfValues(3);
        ByteStreamStateHandle inline = assertInstanceOf(ByteStreamStateHandle.class, handle.data());
        int keyGroup = HeapSnapshotFixture.keyGroupOf("k1");
        byte[] bytes = inline.data().clone();
        // Past the section's key group (4 bytes) and the block header (16 bytes): the first entry's bytes.
        bytes[(int) handle.offsetOf(keyGroup) + 4 + 16 + 1] ^= 0x10;
        KeyGroupsStateHandle damaged = new KeyGroupsStateHandle(ALL, handle.offsets(),
                new ByteStreamStateHandle("damaged-snapshot", bytes));

        IOException e = assertThrows(IOException.class, () -> fixture().backend(ALL, List.of(damaged)));
        assertTrue(e.getMessage().contains("damaged-snapshot"), e.getMessage());
        assertTrue(e.getMessage().contains("key group " + keyGroup), e.getMessage());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedWithItsPathAndTheKeyGroup() throws Exception {
        KeyGroupsStateHandle handle = snapshotOfValues(2_000);
        FileStateHandle file = assertInstanceOf(FileStateHandle.class, handle.data());
        int lastKeyGroup = ALL.endKeyGroup();
        long cut = handle.offsetOf(lastKeyGroup) + 10;
        try (RandomAccessFile raf = new RandomAccessFile(file.path().toFile(), "rw")) {
            raf.setLength(cut);
        }

        IOException e = assertThrows(IOException.class, () -> fixture().backend(ALL, List.of(handle)));
        assertTrue(e.getMessage().contains(file.path().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("key group " + lastKeyGroup), e.getMessage());
        // A restore that does not need the damaged group is not affected (rescaling reads only its groups).
        KeyGroupRange firstHalf = KeyGroupRange.of(0, 63);
        HeapKeyedStateBackend<String> half = fixture().backend(firstHalf, List.of(handle));
        ValueState<Long> v = half.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Long.class));
        for (int i = 0; i < 2_000; i++) {
            if (firstHalf.contains(HeapSnapshotFixture.keyGroupOf("k" + i))) {
                half.setCurrentKey("k" + i);
                assertEquals(i, v.value());
            }
        }
    }

    @Test
    void anUnknownFormatVersionIsRejectedClearly() throws Exception {
        KeyGroupsStateHandle handle = snapshotOfValues(3);
        byte[] bytes = ((ByteStreamStateHandle) handle.data()).data().clone();
        ByteBuffer.wrap(bytes).putInt(4, 99);
        KeyGroupsStateHandle future = new KeyGroupsStateHandle(ALL, handle.offsets(),
                new ByteStreamStateHandle("from-the-future", bytes));

        IOException e = assertThrows(IOException.class, () -> fixture().backend(ALL, List.of(future)));
        assertTrue(e.getMessage().contains("format version 99"), e.getMessage());
        assertTrue(e.getMessage().contains("from-the-future"), e.getMessage());
    }

    @Test
    void anIncrementalRocksDbHandleIsRejected() {
        KeyedStateHandle rocks = new IncrementalKeyedStateHandle("backend-1", 7, ALL, Map.of(), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fixture().backend(ALL, List.of(rocks)));
        assertTrue(e.getMessage().contains("taken by the RocksDB backend; the heap backend restores only full "
                + "snapshots"), e.getMessage());
    }

    @Test
    void registeringARestoredNameAsAnotherKindNamesTheState() throws Exception {
        HeapKeyedStateBackend<String> backend = fixture().backend(ALL, List.of());
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("counter", Long.class));
        backend.createPriorityQueue("timers", Timer.SPEC).add(new Timer(1, "a"));
        ValueState<Long> ttl = backend.getOrCreateKeyedState(ttlDescriptor("withTtl"));
        backend.setCurrentKey("a");
        ttl.update(1L);
        KeyedStateHandle handle = fixture().snapshotNow(backend);
        HeapKeyedStateBackend<String> restored = fixture().backend(ALL, List.of(handle));

        IllegalStateException asList = assertThrows(IllegalStateException.class,
                () -> restored.getOrCreateKeyedState(new ListStateDescriptor<>("counter", Long.class)));
        assertTrue(asList.getMessage().contains("'counter'"), asList.getMessage());
        assertTrue(asList.getMessage().contains("VALUE"), asList.getMessage());
        IllegalStateException queueAsState = assertThrows(IllegalStateException.class,
                () -> restored.getOrCreateKeyedState(new ValueStateDescriptor<>("timers", Long.class)));
        assertTrue(queueAsState.getMessage().contains("'timers'"), queueAsState.getMessage());
        IllegalStateException stateAsQueue = assertThrows(IllegalStateException.class,
                () -> restored.createPriorityQueue("counter", Timer.SPEC));
        assertTrue(stateAsQueue.getMessage().contains("'counter'"), stateAsQueue.getMessage());
        IllegalStateException ttlDropped = assertThrows(IllegalStateException.class,
                () -> restored.getOrCreateKeyedState(new ValueStateDescriptor<>("withTtl", Long.class)));
        assertTrue(ttlDropped.getMessage().contains("'withTtl'"), ttlDropped.getMessage());
        // The failed registrations kept the restored bytes: the right registration still finds them.
        ValueState<Long> again = restored.getOrCreateKeyedState(ttlDescriptor("withTtl"));
        restored.setCurrentKey("a");
        assertEquals(1L, again.value());
    }

    private static ValueStateDescriptor<Long> ttlDescriptor(String name) {
        ValueStateDescriptor<Long> d = new ValueStateDescriptor<>(name, Long.class);
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofDays(1)).build());
        return d;
    }
}
