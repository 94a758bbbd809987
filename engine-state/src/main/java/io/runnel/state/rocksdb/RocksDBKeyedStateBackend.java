package io.runnel.state.rocksdb;

import io.runnel.annotation.TaskThread;
import io.runnel.api.common.Tuple2;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.KeyedStateBackendParameters;
import io.runnel.state.PriorityQueueSpec;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.ttl.TtlStateFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Keyed state in an embedded RocksDB instance: one database per subtask in its own directory, one column family per
 * registered state and per priority queue. Every key starts with its key group as two big-endian bytes, then the
 * serialized key and namespace (see {@link SerializedKeyBuilder}), so a key group, or this backend's whole
 * {@link KeyGroupRange}, is one contiguous scan; that is what per-key-group snapshots and {@link #getKeys} need.
 * The layout follows Flink's RocksDB backend; the code is Runnel's own.
 *
 * <p><b>Contract:</b> the same observable semantics as {@link io.runnel.state.heap.HeapKeyedStateBackend} (both
 * pass {@code KeyedStateBackendContractTest}). Max parallelism is at most 32768 so that a key group
 * fits two bytes. State kinds per column family: value, list (appended with a merge operator, see
 * {@link RocksDBListState}), map (one RocksDB entry per map entry), reducing and aggregating (read-modify-write).
 * RocksDB failures surface as {@link io.runnel.api.state.StateAccessException}.
 *
 * <p><b>Object cache:</b> value, reducing and aggregating state each keep up to {@code cacheEntries} deserialized
 * values (LRU, write-back; see {@link RocksDBStateCache}) in front of RocksDB, so a hot key costs neither JNI calls
 * nor serialization; the heap held is at most {@code cacheEntries} values per such state (default
 * {@value EmbeddedRocksDBStateBackend#DEFAULT_CACHE_ENTRIES}), and 0 turns the cache off. Changed values reach
 * RocksDB when evicted or at {@link #flush()}. Values then behave as on the heap for as long as they are cached
 * (a read returns the cached object, {@code update} keeps the given one); an object changed but not written back
 * may or may not keep the change, so write back what you change, as the heap contract asks anyway. With the cache
 * off, reads return copies. List and map state are never cached: a list is appended by a merge operator and a map
 * is one RocksDB entry per map entry. Scans ({@link #getKeys}) flush the scanned state first; anything else that
 * reads the column families directly, snapshots in particular, must call {@link #flush()} first.
 *
 * <p>A state with time-to-live is an ordinary state of {@link io.runnel.state.ttl.TtlValue}s, each serialized as its
 * 8-byte timestamp followed by the value (per list element, per map entry), handed out behind the TTL decorator of
 * {@link TtlStateFactory}; {@link #getKeys} may report keys whose values expired but were not accessed since.
 *
 * <p><b>Threading:</b> task thread only; no method may be called concurrently or after {@link #close()}. The async
 * part of a snapshot runs on its own thread and touches only its native checkpoint's files and the thread-safe
 * {@link RocksDBUploadedFiles}.
 *
 * <p><b>Snapshots:</b> incremental, after Flink's: {@link #snapshot} flushes the object caches and takes a RocksDB
 * native checkpoint (hard links) on the task thread; its async part uploads only the SST files that the latest
 * completed checkpoint did not already upload, and refers to those again (see {@link RocksDBIncrementalSnapshot},
 * {@link RocksDBUploadedFiles}). A restore opens one snapshot of the same key-group range as it is, or copies the
 * backend's key groups out of several (rescaling; see {@link RocksDBRestoreOperation}). Restored states and queues
 * keep their column families and reappear when registered again under the same name and kind; until then they are
 * carried into every snapshot unchanged.
 *
 * <p><b>Lifecycle:</b> created by {@link EmbeddedRocksDBStateBackend#createKeyedStateBackend}; {@link #close()}
 * closes every native object (column families, database, options, block cache, write buffer manager) and deletes
 * the directory. An async snapshot part still running keeps working: its files are hard links of their own.
 *
 * @param <K> the key type
 */
public final class RocksDBKeyedStateBackend<K> implements KeyedStateBackend<K> {

    /** Key groups are written in two bytes. */
    public static final int MAX_SUPPORTED_MAX_PARALLELISM = 1 << 15;
    private static final int KEY_SCAN_BATCH = 512;

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final TypeSerializer<K> keySerializer;
    private final RocksDBResources resources;
    private final SerializedKeyBuilder<K> keyBuilder;
    private final TtlStateFactory ttl;
    /** Capacity of each cached state's object cache; 0 for none. */
    private final int cacheEntries;
    /** The column-family states of all states, by name. */
    private final Map<String, AbstractRocksDBState<K, ?, ?>> states = new HashMap<>();
    /** What the user gets for the states with TTL: the decorator over the state in {@link #states}. */
    private final Map<String, State> ttlStates = new HashMap<>();
    /** The queues created by this backend (restored queues too, once created again). */
    private final Set<String> queueNames = new HashSet<>();
    /**
     * Every state and queue that has a column family: restored ones (registered again or not) and those created
     * since; what a snapshot's metadata lists. Owner: task thread.
     */
    private final Map<String, RocksDBStateMetadata.Column> columns;
    /** Random; names the shared files this backend uploads, so that no two backends' names collide. */
    private final String backendId;
    /** The SST files of checkpoint storage that the next checkpoint may refer to. Thread-safe. */
    private final RocksDBUploadedFiles uploadedFiles;
    /** Owner: task thread. */
    private K currentKey;
    /** Owner: task thread. */
    private int currentKeyGroup;

    /**
     * @param parameters the subtask's key groups and key serializer
     * @param restored the opened database (now owned by this backend), its restored states and queues, and the
     *     files of checkpoint storage it may refer to (see {@link RocksDBRestoreOperation})
     * @param cacheEntries the object cache capacity of each value, reducing and aggregating state; 0 for none
     * @throws IllegalArgumentException if the max parallelism exceeds {@value #MAX_SUPPORTED_MAX_PARALLELISM} or
     *     {@code cacheEntries < 0}
     */
    RocksDBKeyedStateBackend(KeyedStateBackendParameters<K> parameters, RocksDBRestoreOperation.Restored restored,
                             int cacheEntries) {
        if (parameters.maxParallelism() > MAX_SUPPORTED_MAX_PARALLELISM) {
            throw new IllegalArgumentException("The RocksDB state backend supports a max parallelism of at most "
                    + MAX_SUPPORTED_MAX_PARALLELISM + ", got " + parameters.maxParallelism());
        }
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("cache entries must not be negative, got " + cacheEntries);
        }
        this.cacheEntries = cacheEntries;
        this.keyGroupRange = parameters.keyGroupRange();
        this.maxParallelism = parameters.maxParallelism();
        this.keySerializer = parameters.keySerializer().duplicate();
        this.resources = restored.resources();
        this.columns = new LinkedHashMap<>(restored.columns());
        this.uploadedFiles = restored.uploadedFiles();
        this.backendId = UUID.randomUUID().toString();
        this.keyBuilder = new SerializedKeyBuilder<>(keySerializer);
        this.ttl = new TtlStateFactory(parameters.ttlTimeProvider());
    }

    /** @throws IllegalStateException if the key's group is not in this backend's range */
    @Override
    public void setCurrentKey(K key) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("Key '" + key + "' is in key group " + keyGroup + ", outside this "
                    + "subtask's " + keyGroupRange + "; was the stream partitioned by a different key?");
        }
        keyBuilder.setKey(key, keyGroup);
        this.currentKey = key;
        this.currentKeyGroup = keyGroup;
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroup() {
        return currentKeyGroup;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    @Override
    public int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public <S extends State> S getOrCreateKeyedState(StateDescriptor<?> descriptor) {
        return getOrCreateKeyedState(VoidNamespaceSerializer.INSTANCE, descriptor);
    }

    /**
     * @throws IllegalStateException if the name was registered as another kind of state, as a queue, with another
     *     TTL configuration, or with a namespace serializer of another class (the stored keys would not match)
     */
    @Override
    @SuppressWarnings("unchecked")
    public <N, S extends State> S getOrCreateKeyedState(TypeSerializer<N> namespaceSerializer,
                                                        StateDescriptor<?> descriptor) {
        String name = descriptor.getName();
        AbstractRocksDBState<K, ?, ?> existing = states.get(name);
        if (existing != null) {
            checkCompatible(existing, namespaceSerializer, descriptor);
            State registered = ttlStates.getOrDefault(name, existing);
            TtlStateFactory.checkSameTtl(registered, descriptor);
            return (S) registered;
        }
        if (queueNames.contains(name)) {
            throw new IllegalStateException("The name '" + name + "' is already used by a queue");
        }
        ColumnFamilyHandle column = columnFamilyFor(RocksDBStateMetadata.Column.state(descriptor));
        AbstractRocksDBState<K, N, ?> created = createState(namespaceSerializer, descriptor, column);
        states.put(name, created);
        State exposed = ttl.decorate(descriptor, created);
        if (exposed != created) {
            ttlStates.put(name, exposed);
        }
        return (S) exposed;
    }

    /**
     * @return the column family of a state or queue registered for the first time: the restored one of that name,
     *     else a new one
     * @throws IllegalStateException naming the state if the snapshot holds it as another kind, or with(out) TTL
     */
    private ColumnFamilyHandle columnFamilyFor(RocksDBStateMetadata.Column wanted) {
        RocksDBStateMetadata.Column known = columns.get(wanted.name());
        if (known == null) {
            ColumnFamilyHandle created = resources.createColumnFamily(wanted.columnFamily());
            columns.put(wanted.name(), wanted);
            return created;
        }
        if (!known.equals(wanted)) {
            throw new IllegalStateException("The restored snapshot holds " + known.describe() + ", which is now "
                    + "requested as " + wanted.describe() + "; its stored bytes cannot be read that way");
        }
        return resources.columnFamily(known.columnFamily());
    }

    private static void checkCompatible(AbstractRocksDBState<?, ?, ?> existing, TypeSerializer<?> namespaceSerializer,
                                        StateDescriptor<?> descriptor) {
        if (existing.kind() != descriptor.getKind()) {
            throw new IllegalStateException("State '" + descriptor.getName() + "' was registered as "
                    + existing.kind() + " state and is now requested as " + descriptor.getKind() + " state");
        }
        if (existing.namespaceSerializer.getClass() != namespaceSerializer.getClass()) {
            throw new IllegalStateException("State '" + descriptor.getName() + "' was registered with namespace "
                    + "serializer " + existing.namespaceSerializer.getClass().getName() + " and is now requested "
                    + "with " + namespaceSerializer.getClass().getName());
        }
    }

    /**
     * Creates the state; with TTL its values are {@link io.runnel.state.ttl.TtlValue}s, with the serializer and
     * functions of {@link TtlStateFactory}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <N> AbstractRocksDBState<K, N, ?> createState(TypeSerializer<N> ns, StateDescriptor<?> d,
                                                          ColumnFamilyHandle column) {
        String name = d.getName();
        TypeSerializer valueSerializer = TtlStateFactory.valueSerializer(d);
        switch (d.getKind()) {
            case VALUE:
                return new RocksDBValueState<>(this, name, column, ns, valueSerializer);
            case LIST:
                return new RocksDBListState<>(this, name, column, ns, valueSerializer);
            case MAP:
                TypeSerializer<?> userKeySerializer = ((MapStateDescriptor<?, ?>) d).getKeyType().createSerializer();
                return new RocksDBMapState<>(this, name, column, ns, userKeySerializer, valueSerializer);
            case REDUCING:
                return new RocksDBReducingState<>(this, name, column, ns, valueSerializer,
                        (ReduceFunction) ttl.reduceFunction((ReducingStateDescriptor) d));
            case AGGREGATING:
                return new RocksDBAggregatingState<>(this, name, column, ns, valueSerializer,
                        (AggregateFunction) ttl.aggregateFunction((AggregatingStateDescriptor) d));
            default:
                throw new IllegalArgumentException("unknown state kind " + d.getKind());
        }
    }

    /**
     * Flushes the named state's object cache, then scans its column family over this backend's key-group range,
     * lazily in batches; keys come in key-group order, each once. Writes made while the stream is consumed may or
     * may not be seen.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <N> Stream<K> getKeys(String stateName, N namespace) {
        AbstractRocksDBState<K, N, ?> state = (AbstractRocksDBState<K, N, ?>) states.get(stateName);
        RocksDBRangeIterator range = scanKeyGroups(state);
        return range == null ? Stream.empty() : stream(new RocksDBKeysIterator<>(range, keySerializer.duplicate(),
                state.serializeNamespace(namespace), state.kind() == StateDescriptor.Kind.MAP));
    }

    /** Scans as {@link #getKeys} does; pairs come in key-group order, each once. */
    @Override
    @SuppressWarnings("unchecked")
    public <N> Stream<Tuple2<K, N>> getKeysAndNamespaces(String stateName) {
        AbstractRocksDBState<K, N, ?> state = (AbstractRocksDBState<K, N, ?>) states.get(stateName);
        RocksDBRangeIterator range = scanKeyGroups(state);
        return range == null ? Stream.empty() : stream(new RocksDBKeysAndNamespacesIterator<>(range,
                keySerializer.duplicate(), state.namespaceSerializer.duplicate()));
    }

    /** @return a scan of the state's entries in this backend's key groups, after a cache flush; null if none */
    private RocksDBRangeIterator scanKeyGroups(AbstractRocksDBState<K, ?, ?> state) {
        if (state == null || keyGroupRange.numberOfKeyGroups() == 0) {
            return null;
        }
        state.flushCache();
        byte[] lower = RocksDBRangeIterator.keyGroupPrefix(keyGroupRange.startKeyGroup());
        byte[] upper = RocksDBRangeIterator.keyGroupPrefix(keyGroupRange.endKeyGroup() + 1);
        return new RocksDBRangeIterator(resources, state.column, lower, upper, KEY_SCAN_BATCH);
    }

    private static <T> Stream<T> stream(Iterator<T> iterator) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Creates the queue, or for a restored queue of that name, opens it with its elements.
     *
     * @throws IllegalStateException if the name is taken by a state or queue, restored ones included
     */
    @Override
    public <T> KeyGroupedPriorityQueue<T> createPriorityQueue(String name, PriorityQueueSpec<T> spec) {
        if (states.containsKey(name) || queueNames.contains(name)) {
            throw new IllegalStateException("The name '" + name + "' is already used by a state or queue");
        }
        boolean restored = columns.containsKey(name);
        ColumnFamilyHandle column = columnFamilyFor(RocksDBStateMetadata.Column.queue(name));
        queueNames.add(name);
        int capacity = RocksDBPriorityQueue.DEFAULT_CACHE_CAPACITY;
        return restored ? RocksDBPriorityQueue.restore(spec, resources, column, keyGroupRange, capacity)
                : new RocksDBPriorityQueue<>(spec, resources, column, keyGroupRange, capacity);
    }

    /** @return the directory of this backend's database (deleted by {@link #close()}) */
    public Path getDirectory() {
        return resources.directory();
    }

    /**
     * @return the bytes now charged to the block cache: cached blocks plus memtable reservations; stays near the
     *     configured budget
     */
    public long getBlockCacheUsageBytes() {
        return resources.blockCacheUsageBytes();
    }

    /**
     * @return the number of RocksDB entries in the named state's column family, by a full scan: one per
     *     (key, namespace) for value, list, reducing and aggregating state, one per map entry for map state; 0 for an
     *     unknown name. For tests that check what is physically stored (e.g. that TTL removed expired values).
     */
    long numEntries(String stateName) {
        AbstractRocksDBState<K, ?, ?> state = states.get(stateName);
        if (state == null) {
            return 0;
        }
        state.flushCache();
        RocksDBRangeIterator range = new RocksDBRangeIterator(resources, state.column,
                RocksDBRangeIterator.keyGroupPrefix(0), null, KEY_SCAN_BATCH);
        long count = 0;
        while (range.hasNext()) {
            range.next();
            count++;
        }
        return count;
    }

    /**
     * Writes every value changed in the states' object caches to RocksDB (entries stay cached, now clean), so that
     * the column families alone hold the state. Snapshots must call this first.
     *
     * A no-op after {@link #close()}.
     *
     * @throws io.runnel.api.state.StateAccessException if RocksDB or a value serializer fails
     */
    public void flush() {
        for (AbstractRocksDBState<K, ?, ?> state : states.values()) {
            state.flushCache();
        }
    }

    /** @return the object cache capacity of each value, reducing and aggregating state; 0 if off */
    int cacheEntries() {
        return cacheEntries;
    }

    /** @return the named state, or null; for tests that look at its cache */
    AbstractRocksDBState<K, ?, ?> state(String stateName) {
        return states.get(stateName);
    }

    RocksDBResources resources() {
        return resources;
    }

    SerializedKeyBuilder<K> keyBuilder() {
        return keyBuilder;
    }

    /**
     * Releases every native object and deletes the directory, dropping cached values unwritten (nothing outlives
     * the directory); idempotent. Later state accesses throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        for (AbstractRocksDBState<K, ?, ?> state : states.values()) {
            state.discardCache();
        }
        states.clear();
        ttlStates.clear();
        queueNames.clear();
        columns.clear();
        resources.close();
    }

    /**
     * Flushes the object caches into RocksDB and takes a native checkpoint of the database (hard links, after a
     * memtable flush) with the metadata of every state and queue, restored ones included; the returned async part
     * uploads it (see {@link RocksDBIncrementalSnapshot} for what is shared and how files are named). A checkpoint
     * refers again to the SST files of the latest checkpoint this backend was told completed, or of the handle it
     * was restored from as a whole; a savepoint copies every file into its own directory.
     *
     * @throws IOException if the native checkpoint cannot be taken (nothing is left on disk then)
     * @throws io.runnel.api.state.StateAccessException if flushing a cache fails
     */
    @Override
    @TaskThread
    public AsyncSnapshot<KeyedStateHandle> snapshot(CheckpointStreamFactory streams) throws IOException {
        flush();
        RocksDBStateMetadata metadata = RocksDBStateMetadata.of(maxParallelism, columns.values());
        return RocksDBIncrementalSnapshot.take(backendId, keyGroupRange, resources, metadata, streams,
                uploadedFiles);
    }

    /** Later checkpoints may refer to this checkpoint's uploaded SST files instead of uploading them again. */
    @Override
    @TaskThread
    public void notifyCheckpointComplete(long checkpointId) {
        uploadedFiles.checkpointCompleted(checkpointId);
    }

    /** Forgets this checkpoint's uploads: its files may be deleted, so nothing later refers to them. */
    @Override
    @TaskThread
    public void notifyCheckpointAborted(long checkpointId) {
        uploadedFiles.checkpointAborted(checkpointId);
    }

    /** @return the random id that names the shared files this backend uploads */
    String backendId() {
        return backendId;
    }

    /** @return which uploaded files later checkpoints refer to; for tests */
    RocksDBUploadedFiles uploadedFiles() {
        return uploadedFiles;
    }
}
