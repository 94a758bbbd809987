package io.runnel.state.rocksdb;

import io.runnel.api.common.ConfigOption;
import io.runnel.api.common.Configuration;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.StateBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps keyed state in an embedded RocksDB per subtask, on local disk, so state may be far larger than the heap;
 * each access serializes. Named after Flink's {@code EmbeddedRocksDBStateBackend}; where snapshots go is the
 * checkpoint storage's concern, not this class's.
 *
 * <p><b>Contract:</b> each keyed backend gets a fresh directory under the local directory and a native memory budget
 * (block cache plus memtables, see {@link RocksDBResources}) of {@link #getManagedMemoryBytes()} bytes. Selected by
 * {@code state.backend: rocksdb}; configured by {@link #LOCAL_DIRECTORY}, {@link #MANAGED_MEMORY_SIZE} and
 * {@link #CACHE_ENTRIES} (the on-heap object cache in front of each value, reducing and aggregating state, see
 * {@link RocksDBKeyedStateBackend}).
 *
 * <p><b>Threading:</b> immutable and serializable (shipped with the job); the backends it creates belong to one task
 * thread each.
 */
public final class EmbeddedRocksDBStateBackend implements StateBackend {

    /** Config key: parent directory of the per-subtask database directories; default {@code java.io.tmpdir}. */
    public static final ConfigOption<String> LOCAL_DIRECTORY = ConfigOption.of("state.backend.rocksdb.localdir",
            String.class, null, "Directory under which each subtask's RocksDB keeps its files "
                    + "(default: the JVM's temporary directory).");

    /** Config key: native memory budget per subtask in bytes (units like {@code 64 mb} are accepted). */
    public static final ConfigOption<Long> MANAGED_MEMORY_SIZE = ConfigOption.of(
            "state.backend.rocksdb.memory.managed-size", Long.class, 128L * 1024 * 1024,
            "Native memory per subtask for RocksDB's block cache and write buffers together (bytes).");

    /** Default of {@link #CACHE_ENTRIES}: for a skewed key distribution most accesses hit this many hot keys. */
    public static final int DEFAULT_CACHE_ENTRIES = 16_384;

    /**
     * Config key: entries of the write-back object cache per value, reducing and aggregating state (on the heap,
     * outside the managed memory); 0 turns it off.
     */
    public static final ConfigOption<Integer> CACHE_ENTRIES = ConfigOption.of("state.backend.rocksdb.cache.entries",
            Integer.class, DEFAULT_CACHE_ENTRIES, "Deserialized values kept on the heap in front of RocksDB per "
                    + "value, reducing and aggregating state (least recently used evicted and written back); "
                    + "0 turns the cache off.");

    /** The smallest accepted budget: below it RocksDB's fixed per-memtable costs dominate. */
    public static final long MIN_MANAGED_MEMORY_BYTES = 1024L * 1024;

    private static final long serialVersionUID = 1L;

    /** Null means {@code java.io.tmpdir}, resolved where the backend runs. Kept as a string: Path is not serializable. */
    private final String localDirectory;
    private final long managedMemoryBytes;
    private final int cacheEntries;

    /**
     * A backend with the defaults: the JVM's temporary directory, 128 MiB per subtask and
     * {@value #DEFAULT_CACHE_ENTRIES} cached values per state.
     */
    public EmbeddedRocksDBStateBackend() {
        this(MANAGED_MEMORY_SIZE.defaultValue(), null, DEFAULT_CACHE_ENTRIES);
    }

    /**
     * @param localDirectory parent of the database directories; null for {@code java.io.tmpdir}
     * @param managedMemoryBytes native memory budget per subtask in bytes
     * @throws IllegalArgumentException if the budget is below {@link #MIN_MANAGED_MEMORY_BYTES}
     */
    public EmbeddedRocksDBStateBackend(Path localDirectory, long managedMemoryBytes) {
        this(localDirectory, managedMemoryBytes, DEFAULT_CACHE_ENTRIES);
    }

    /**
     * @param localDirectory parent of the database directories; null for {@code java.io.tmpdir}
     * @param managedMemoryBytes native memory budget per subtask in bytes
     * @param cacheEntries object cache entries per value, reducing and aggregating state; 0 for none
     * @throws IllegalArgumentException if the budget is below {@link #MIN_MANAGED_MEMORY_BYTES} or
     *     {@code cacheEntries < 0}
     */
    public EmbeddedRocksDBStateBackend(Path localDirectory, long managedMemoryBytes, int cacheEntries) {
        this(managedMemoryBytes, localDirectory == null ? null : localDirectory.toString(), cacheEntries);
    }

    private EmbeddedRocksDBStateBackend(long managedMemoryBytes, String localDirectory, int cacheEntries) {
        if (managedMemoryBytes < MIN_MANAGED_MEMORY_BYTES) {
            throw new IllegalArgumentException("RocksDB managed memory must be at least " + MIN_MANAGED_MEMORY_BYTES
                    + " bytes, got " + managedMemoryBytes);
        }
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("RocksDB cache entries must not be negative, got " + cacheEntries);
        }
        this.localDirectory = localDirectory;
        this.managedMemoryBytes = managedMemoryBytes;
        this.cacheEntries = cacheEntries;
    }

    /**
     * @return a backend configured by {@link #LOCAL_DIRECTORY}, {@link #MANAGED_MEMORY_SIZE} and
     *     {@link #CACHE_ENTRIES}
     * @throws IllegalArgumentException naming the key if a value does not parse or the budget is too small
     */
    public static EmbeddedRocksDBStateBackend fromConfiguration(Configuration configuration) {
        long memory = configuration.get(MANAGED_MEMORY_SIZE);
        if (memory < MIN_MANAGED_MEMORY_BYTES) {
            throw new IllegalArgumentException("Config key '" + MANAGED_MEMORY_SIZE.key() + "': " + memory
                    + " bytes is below the minimum of " + MIN_MANAGED_MEMORY_BYTES);
        }
        int cacheEntries = configuration.get(CACHE_ENTRIES);
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("Config key '" + CACHE_ENTRIES.key() + "': " + cacheEntries
                    + " must not be negative");
        }
        return new EmbeddedRocksDBStateBackend(memory, configuration.get(LOCAL_DIRECTORY), cacheEntries);
    }

    @Override
    public Map<String, String> toConfiguration() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(STATE_BACKEND.key(), name());
        keys.put(MANAGED_MEMORY_SIZE.key(), Long.toString(managedMemoryBytes));
        keys.put(CACHE_ENTRIES.key(), Integer.toString(cacheEntries));
        if (localDirectory != null) {
            keys.put(LOCAL_DIRECTORY.key(), localDirectory);
        }
        return keys;
    }

    @Override
    public String name() {
        return "rocksdb";
    }

    /** @return the parent directory of the database directories */
    public Path getLocalDirectory() {
        return Paths.get(localDirectory != null ? localDirectory : System.getProperty("java.io.tmpdir"));
    }

    /** @return the native memory budget per subtask, in bytes */
    public long getManagedMemoryBytes() {
        return managedMemoryBytes;
    }

    /** @return the object cache entries per value, reducing and aggregating state; 0 if off */
    public int getCacheEntries() {
        return cacheEntries;
    }

    /**
     * Creates a fresh directory {@code <localdir>/runnel-rocksdb-<operator>-<firstKeyGroup>-<random>} and opens a
     * database there, empty or restored from {@link KeyedStateBackendParameters#restoreState()}: as a whole from one
     * handle of the same key-group range (files linked or copied), else by copying the backend's key groups out of
     * each handle (rescaling); see {@link RocksDBRestoreOperation}. Loads the native library on first use (about
     * 0.3 s).
     *
     * @throws IOException if the directory cannot be created, a snapshot file is missing (named in the message) or
     *     RocksDB cannot open there
     * @throws IllegalArgumentException if the max parallelism exceeds 32768, or a handle was taken by the heap
     *     backend
     * @throws IllegalStateException if the snapshot was taken with another max parallelism
     */
    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters)
            throws IOException {
        if (parameters.maxParallelism() > RocksDBKeyedStateBackend.MAX_SUPPORTED_MAX_PARALLELISM) {
            throw new IllegalArgumentException("The RocksDB state backend supports a max parallelism of at most "
                    + RocksDBKeyedStateBackend.MAX_SUPPORTED_MAX_PARALLELISM + ", got "
                    + parameters.maxParallelism());
        }
        Path parent = getLocalDirectory();
        Files.createDirectories(parent);
        KeyGroupRange range = parameters.keyGroupRange();
        String operator = parameters.operatorName() == null ? "operator"
                : parameters.operatorName().replaceAll("[^A-Za-z0-9._-]", "_");
        // File names are limited to 255 bytes; the name only helps a person find the directory.
        operator = operator.substring(0, Math.min(operator.length(), 48));
        Path directory = Files.createTempDirectory(parent, "runnel-rocksdb-" + operator + "-"
                + range.startKeyGroup() + "-");
        RocksDBRestoreOperation.Restored restored = RocksDBRestoreOperation.restore(directory, managedMemoryBytes,
                range, parameters.maxParallelism(), parameters.restoreState());
        try {
            return new RocksDBKeyedStateBackend<>(parameters, restored, cacheEntries);
        } catch (RuntimeException e) {
            restored.resources().close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "EmbeddedRocksDBStateBackend{localDirectory=" + getLocalDirectory() + ", managedMemoryBytes="
                + managedMemoryBytes + ", cacheEntries=" + cacheEntries + "}";
    }
}
