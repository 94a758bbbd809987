package io.runnel.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.TestingTtlTimeProvider;
import io.runnel.state.snapshot.KeyedStateHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StateTtlConfig.Builder#cleanupFullSnapshot()}: the heap backend's snapshots leave out values that had
 * expired when the snapshot was taken, and keep them without the option. The restored backend's clock is set back
 * to a time at which the left-out values would still be live, so that a value missing after restore was not
 * written, rather than hidden as expired.
 */
class HeapSnapshotTtlTest {

    private static final KeyGroupRange ALL = KeyGroupRange.of(0, HeapSnapshotFixture.MAX_PARALLELISM - 1);
    private static final long TTL_MILLIS = 100;

    @TempDir
    Path storage;

    private HeapSnapshotFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static <D extends StateDescriptor<?>> D withTtl(D descriptor, boolean cleanupFullSnapshot) {
        StateTtlConfig.Builder b = StateTtlConfig.newBuilder(Duration.ofMillis(TTL_MILLIS));
        descriptor.enableTimeToLive((cleanupFullSnapshot ? b.cleanupFullSnapshot() : b).build());
        return descriptor;
    }

    /** The four states: value, list and map that clean up in snapshots, and a value that does not. */
    private record States(ValueState<Long> value, ListState<String> list, MapState<String, Long> map,
                          ValueState<Long> kept) {
        static States register(HeapKeyedStateBackend<String> b) {
            return new States(
                    b.getOrCreateKeyedState(withTtl(new ValueStateDescriptor<>("value", Long.class), true)),
                    b.getOrCreateKeyedState(withTtl(new ListStateDescriptor<>("list", String.class), true)),
                    b.getOrCreateKeyedState(withTtl(new MapStateDescriptor<>("map", String.class, Long.class),
                            true)),
                    b.getOrCreateKeyedState(withTtl(new ValueStateDescriptor<>("kept", Long.class), false)));
        }
    }

    @Test
    void fullSnapshotLeavesOutValuesExpiredWhenItWasTaken() throws Exception {
        fixture = new HeapSnapshotFixture(storage);
        TestingTtlTimeProvider clock = new TestingTtlTimeProvider(0);
        HeapKeyedStateBackend<String> backend = fixture.backend(ALL, List.of(), clock);
        States s = States.register(backend);
        write(backend, s, "old", 0, clock);
        write(backend, s, "new", 60, clock);
        clock.setMillis(120);
        KeyedStateHandle handle = fixture.snapshotNow(backend);

        TestingTtlTimeProvider restoreClock = new TestingTtlTimeProvider(70);
        HeapKeyedStateBackend<String> restored = fixture.backend(ALL, List.of(handle), restoreClock);
        States r = States.register(restored);
        for (int i = 0; i < 50; i++) {
            restored.setCurrentKey("old" + i);
            assertNull(r.value().value(), "expired at the snapshot: left out");
            assertEquals(0L + i, r.kept().value(), "no cleanup configured: kept");
            assertEquals(List.of("new-element"), toList(r.list().get()), "only the element written at 60");
            assertEquals(Map.of("new-entry", 60L), toMap(r.map()), "only the entry written at 60");
            restored.setCurrentKey("new" + i);
            assertEquals(60L + i, r.value().value());
            assertEquals(60L + i, r.kept().value());
        }
        assertEquals(50, restored.numEntries("value"));
        assertEquals(100, restored.numEntries("kept"));
    }

    /** Writes 50 keys {@code prefix0..} at {@code timeMillis}, and one list element and map entry to "old" keys. */
    private static void write(HeapKeyedStateBackend<String> backend, States s, String prefix, long timeMillis,
                              TestingTtlTimeProvider clock) {
        clock.setMillis(timeMillis);
        for (int i = 0; i < 50; i++) {
            backend.setCurrentKey(prefix + i);
            s.value().update(timeMillis + i);
            s.kept().update(timeMillis + i);
            backend.setCurrentKey("old" + i);
            s.list().add(timeMillis == 0 ? "old-element" : "new-element");
            s.map().put(timeMillis == 0 ? "old-entry" : "new-entry", timeMillis);
        }
    }

    private static List<String> toList(Iterable<String> it) {
        List<String> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }

    private static Map<String, Long> toMap(MapState<String, Long> map) {
        Map<String, Long> out = new HashMap<>();
        map.entries().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
