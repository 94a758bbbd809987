package io.runnel.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.BasicSerializers;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.StateBackend;
import io.runnel.state.heap.HashMapStateBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the RocksDB backend has: state larger than its memory budget, its directory, its configuration. */
class RocksDBKeyedStateBackendTest {

    private static final long MIB = 1024L * 1024;

    @TempDir
    Path localDirectory;

    private RocksDBKeyedStateBackend<Integer> open(long memoryBytes) throws Exception {
        EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend(localDirectory, memoryBytes);
        return (RocksDBKeyedStateBackend<Integer>) backend.createKeyedStateBackend(new KeyedStateBackendParameters<>(
                "big state", KeyGroupRange.of(0, 127), 128, BasicSerializers.IntSerializer.INSTANCE,
                getClass().getClassLoader()));
    }

    /** 200 MiB of incompressible values through an 8 MiB budget: all written, all read back byte for byte. */
    @Test
    void stateFarLargerThanTheMemoryBudgetIsReadBackExactly() throws Exception {
        int keys = 20_000;
        int valueBytes = 10 * 1024;
        long budget = 8 * MIB;
        long maxCacheUsage = 0;
        try (RocksDBKeyedStateBackend<Integer> backend = open(budget)) {
            ValueState<byte[]> value = backend.getOrCreateKeyedState(
                    new ValueStateDescriptor<>("blob", byte[].class));
            long start = System.nanoTime();
            for (int key = 0; key < keys; key++) {
                backend.setCurrentKey(key);
                value.update(valueFor(key, valueBytes));
                if (key % 500 == 0) {
                    maxCacheUsage = Math.max(maxCacheUsage, backend.getBlockCacheUsageBytes());
                }
            }
            long written = System.nanoTime();
            for (int key = 0; key < keys; key++) {
                backend.setCurrentKey(key);
                assertArrayEquals(valueFor(key, valueBytes), value.value(), "value of key " + key);
                if (key % 500 == 0) {
                    maxCacheUsage = Math.max(maxCacheUsage, backend.getBlockCacheUsageBytes());
                }
            }
            long read = System.nanoTime();
            long onDisk = directoryBytes(backend.getDirectory());
            System.out.printf("big state: %d MiB written in %d ms, read back in %d ms; %d MiB on disk; "
                            + "block cache usage at most %.1f MiB of a %d MiB budget; VmRSS %s%n",
                    (long) keys * valueBytes / MIB, (written - start) / 1_000_000, (read - written) / 1_000_000,
                    onDisk / MIB, maxCacheUsage / (double) MIB, budget / MIB, rss());
            assertTrue(onDisk > (long) keys * valueBytes / 2, "the values should be on disk: " + onDisk);
            // Not strict: blocks pinned by a read in progress may exceed the capacity for a moment.
            assertTrue(maxCacheUsage <= budget * 5 / 4, "cache usage " + maxCacheUsage + " > budget " + budget);
        }
    }

    @Test
    void closeReleasesTheDirectoryAndLaterAccessFailsCleanly() throws Exception {
        RocksDBKeyedStateBackend<Integer> backend = open(4 * MIB);
        Path directory = backend.getDirectory();
        assertTrue(directory.startsWith(localDirectory));
        MapState<Integer, String> map = backend.getOrCreateKeyedState(
                new MapStateDescriptor<>("m", Integer.class, String.class));
        backend.setCurrentKey(1);
        for (int i = 0; i < 1_000; i++) {
            map.put(i, "v" + i);
        }
        Iterator<Map.Entry<Integer, String>> abandoned = map.entries().iterator();
        abandoned.next();
        assertTrue(Files.isDirectory(directory));
        backend.close();
        assertFalse(Files.exists(directory), "directory still exists after close: " + directory);
        backend.close();
        assertThrows(IllegalStateException.class, () -> map.get(1));
        // The entries already copied out may still be read; the next batch would need RocksDB and must not get it.
        assertThrows(IllegalStateException.class, () -> {
            while (abandoned.hasNext()) {
                abandoned.next();
            }
        });
        try (Stream<Path> left = Files.list(localDirectory)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void configurationChoosesRocksDbWithItsDirectoryAndBudget() {
        Configuration config = new Configuration()
                .setString("state.backend", "rocksdb")
                .setString("state.backend.rocksdb.localdir", localDirectory.toString())
                .setString("state.backend.rocksdb.memory.managed-size", "64 mb");
        EmbeddedRocksDBStateBackend backend = assertInstanceOf(EmbeddedRocksDBStateBackend.class,
                StateBackend.fromConfiguration(config));
        assertEquals("rocksdb", backend.name());
        assertEquals(localDirectory, backend.getLocalDirectory());
        assertEquals(64 * MIB, backend.getManagedMemoryBytes());
        EmbeddedRocksDBStateBackend defaults = EmbeddedRocksDBStateBackend.fromConfiguration(new Configuration());
        assertEquals(128 * MIB, defaults.getManagedMemoryBytes());
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")), defaults.getLocalDirectory());
        assertInstanceOf(HashMapStateBackend.class, StateBackend.fromConfiguration(new Configuration()));
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> StateBackend.fromConfiguration(new Configuration().setString("state.backend", "rocksdb")
                        .setString("state.backend.rocksdb.memory.managed-size", "1000")));
        assertTrue(tooSmall.getMessage().contains("managed-size"), tooSmall.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> StateBackend.fromConfiguration(new Configuration().setString("state.backend", "lmdb")));
        assertTrue(unknown.getMessage().contains("rocksdb"), unknown.getMessage());
    }

    @Test
    void maxParallelismBeyondTwoKeyGroupBytesIsRejected() {
        EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend(localDirectory, 4 * MIB);
        assertThrows(IllegalArgumentException.class, () -> backend.createKeyedStateBackend(
                new KeyedStateBackendParameters<>("op", KeyGroupRange.of(0, 10), 65_536,
                        BasicSerializers.IntSerializer.INSTANCE, getClass().getClassLoader())));
    }

    private static byte[] valueFor(int key, int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(key * 0x9E3779B97F4A7C15L).nextBytes(bytes);
        return bytes;
    }

    private static long directoryBytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String rss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> l.substring(6).trim()).findFirst()
                    .orElse("unknown");
        }
    }
}
