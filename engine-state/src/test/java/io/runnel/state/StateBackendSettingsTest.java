package io.runnel.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.runnel.api.common.Configuration;
import io.runnel.state.heap.HashMapStateBackend;
import io.runnel.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A backend chosen with env.setStateBackend travels as configuration keys and comes back the same. */
class StateBackendSettingsTest {

    @Test
    void rocksDbSettingsRoundTripThroughTheConfiguration() {
        EmbeddedRocksDBStateBackend chosen = new EmbeddedRocksDBStateBackend(Path.of("/tmp/runnel-state"), 64L << 20);
        StateBackend restored = StateBackend.fromConfiguration(Configuration.fromMap(chosen.toConfiguration()));
        EmbeddedRocksDBStateBackend rocks = assertInstanceOf(EmbeddedRocksDBStateBackend.class, restored);
        assertEquals(Path.of("/tmp/runnel-state"), rocks.getLocalDirectory());
        assertEquals(64L << 20, rocks.getManagedMemoryBytes());
    }

    @Test
    void heapSettingsRoundTripThroughTheConfiguration() {
        StateBackend restored = StateBackend.fromConfiguration(
                Configuration.fromMap(new HashMapStateBackend().toConfiguration()));
        assertInstanceOf(HashMapStateBackend.class, restored);
    }
}
