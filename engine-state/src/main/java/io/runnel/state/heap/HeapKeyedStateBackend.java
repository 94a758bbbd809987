package io.runnel.state.heap;

import io.runnel.annotation.VisibleForTesting;
import io.runnel.api.common.Tuple2;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.PriorityQueueSpec;
import io.runnel.state.TtlTimeProvider;
import io.runnel.state.VoidNamespaceSerializer;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.ttl.TtlStateFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keyed state on the heap: per registered state a {@link StateTable} of hash maps per key group. Values are kept
 * as the objects the user function passed in (no copy, as in Flink's heap backend), so a function must not keep
 * and modify an object after handing it to {@code update}: a snapshot may be writing it. Reading a value and then
 * modifying it is safe: while a snapshot still holds the stored object, the read hands out a copy (see below).
 *
 * <p>A state with time-to-live stores {@link io.runnel.state.ttl.TtlValue} objects (value and timestamp) in the same
 * tables and is handed out behind the TTL decorator of {@link TtlStateFactory}; {@link #numEntries} counts its
 * entries, expired or not, and {@link #getKeys} may report keys whose values expired but were not accessed since.
 *
 * <p><b>Snapshots</b> ({@link #snapshot}) copy on write: the synchronous part costs O(key groups x states) and
 * visits no entry; the first write to a key group's map after it clones that map's arrays, and a state object a
 * live snapshot still reads is copied before it is handed out or changed (see {@link StateMap},
 * {@link AbstractHeapState}, {@link CopyOnWriteVersions}). The asynchronous part writes the format of
 * {@link HeapSnapshotWriter}. A backend restored from snapshots ({@link HeapKeyedStateBackendBuilder}) keeps each
 * state's restored bytes until the operator registers the name, decodes them then with the registered
 * serializers, and writes the bytes of names never registered into its own snapshots unchanged.
 *
 * <p><b>Threading:</b> task thread only; the asynchronous part of a snapshot runs on another thread and reads only
 * what copy-on-write keeps unchanged for it.
 *
 * @param <K> the key type
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final TtlTimeProvider ttlTimeProvider;
    private final TtlStateFactory ttl;
    private final TypeSerializer<Object> keySerializer;
    private final String operatorName;
    private final CopyOnWriteVersions versions = new CopyOnWriteVersions();
    /** The tables of all registered states, by name, in registration order. */
    private final Map<String, AbstractHeapState<K, ?, ?>> states = new LinkedHashMap<>();
    /** What the user gets for the states with TTL: the decorator over the table in {@link #states}. */
    private final Map<String, State> ttlStates = new HashMap<>();
    /** The registered priority queues, by name, in registration order. */
    private final Map<String, HeapPriorityQueueSet<?>> queues = new LinkedHashMap<>();
    /** Restored states and queues not registered yet, by name; an entry leaves when its name is registered. */
    private final Map<String, RestoredState> restored;
    /** Owner: task thread. */
    private K currentKey;
    /** Owner: task thread. */
    private int currentKeyGroup;

    /**
     * A fresh backend whose TTL clock is the wall clock and whose snapshots write keys with the generic serializer.
     *
     * @param keyGroupRange the key groups of this subtask
     * @param maxParallelism the total number of key groups
     */
    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
        this(keyGroupRange, maxParallelism, TtlTimeProvider.SYSTEM);
    }

    /**
     * A fresh backend whose snapshots write keys with the generic serializer.
     *
     * @param keyGroupRange the key groups of this subtask
     * @param maxParallelism the total number of key groups
     * @param ttlTimeProvider the clock of state time-to-live (ms)
     */
    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism, TtlTimeProvider ttlTimeProvider) {
        this(keyGroupRange, maxParallelism, ttlTimeProvider, null, "heap", new LinkedHashMap<>());
    }

    /**
     * @param keySerializer serializer of the keys in snapshots; null for the generic one
     * @param operatorName names the snapshot files
     * @param restored the restored states and queues by name, not yet decoded (see {@link HeapSnapshotReader})
     */
    @SuppressWarnings("unchecked")
    HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism, TtlTimeProvider ttlTimeProvider,
                          TypeSerializer<K> keySerializer, String operatorName, Map<String, RestoredState> restored) {
        this.keyGroupRange = keyGroupRange;
        this.maxParallelism = maxParallelism;
        this.ttlTimeProvider = ttlTimeProvider;
        this.ttl = new TtlStateFactory(ttlTimeProvider);
        this.keySerializer = keySerializer != null ? (TypeSerializer<Object>) keySerializer
                : TypeInformation.generic().createSerializer();
        this.operatorName = operatorName;
        this.restored = new LinkedHashMap<>(restored);
    }

    /** @return the snapshot versions its tables and queues copy on write by */
    CopyOnWriteVersions copyOnWriteVersions() {
        return versions;
    }

    @Override
    public void setCurrentKey(K key) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("Key '" + key + "' is in key group " + keyGroup + ", outside this "
                    + "subtask's " + keyGroupRange + "; was the stream partitioned by a different key?");
        }
        this.currentKey = key;
        this.currentKeyGroup = keyGroup;
    }

    /**
     * Sets the current key when the caller knows its key group, because it found the key in that group's state
     * map: no hash and no range check.
     */
    void setCurrentKeyInGroup(K key, int keyGroup) {
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

    /**
     * Registers a state without a namespace ({@link VoidNamespaceSerializer}).
     *
     * @throws IllegalStateException if the name was registered or restored as another kind of state, with another
     *     TTL configuration, or as a queue, or if restored bytes do not decode with the descriptor's serializer
     */
    @Override
    public <S extends State> S getOrCreateKeyedState(StateDescriptor<?> descriptor) {
        return getOrCreateKeyedState(VoidNamespaceSerializer.INSTANCE, descriptor);
    }

    /**
     * @throws IllegalStateException if the name was registered or restored as another kind of state, with another
     *     TTL configuration, or as a queue, or if restored bytes do not decode with the registered serializers
     */
    @Override
    @SuppressWarnings("unchecked")
    public <N, S extends State> S getOrCreateKeyedState(TypeSerializer<N> namespaceSerializer,
                                                        StateDescriptor<?> descriptor) {
        String name = descriptor.getName();
        AbstractHeapState<K, ?, ?> existing = states.get(name);
        if (existing != null) {
            if (existing.kind() != descriptor.getKind()) {
                throw new IllegalStateException("State '" + name + "' was registered as "
                        + existing.kind() + " state and is now requested as " + descriptor.getKind() + " state");
            }
            State registered = ttlStates.getOrDefault(name, existing);
            TtlStateFactory.checkSameTtl(registered, descriptor);
            return (S) registered;
        }
        if (queues.containsKey(name)) {
            throw new IllegalStateException("The name '" + name + "' is already used by a queue");
        }
        RestoredState bytes = restored.get(name);
        if (bytes != null) {
            checkRestoredKind(bytes, HeapSnapshotWriter.kindCode(descriptor.getKind()),
                    descriptor.getTtlConfig() != null ? HeapSnapshotWriter.FLAG_TTL : 0);
        }
        HeapStateMeta meta = HeapStateMeta.of(descriptor, namespaceSerializer);
        AbstractHeapState<K, ?, ?> created = HeapStates.create(this, descriptor, ttl, meta);
        if (bytes != null) {
            created.restore(bytes, keySerializer);
            restored.remove(name);
        }
        states.put(name, created);
        State exposed = ttl.decorate(descriptor, created);
        if (exposed != created) {
            ttlStates.put(name, exposed);
        }
        return (S) exposed;
    }

    private static void checkRestoredKind(RestoredState bytes, int kindCode, int flags) {
        String name = bytes.name();
        if (bytes.kindCode() != kindCode) {
            throw new IllegalStateException("State '" + name + "' was restored as a "
                    + HeapSnapshotWriter.kindName(bytes.kindCode()) + " and is now registered as a "
                    + HeapSnapshotWriter.kindName(kindCode));
        }
        if (bytes.flags() != flags) {
            boolean hadTtl = (bytes.flags() & HeapSnapshotWriter.FLAG_TTL) != 0;
            throw new IllegalStateException("State '" + name + "' was restored " + (hadTtl ? "with" : "without")
                    + " TTL and is now registered " + (hadTtl ? "without" : "with") + " TTL");
        }
    }

    @Override
    public <N> Stream<K> getKeys(String stateName, N namespace) {
        AbstractHeapState<K, ?, ?> s = states.get(stateName);
        return s == null ? Stream.empty() : s.table.keys(namespace);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> Stream<Tuple2<K, N>> getKeysAndNamespaces(String stateName) {
        AbstractHeapState<K, ?, ?> s = states.get(stateName);
        return s == null ? Stream.empty() : ((StateTable<K, N, ?>) s.table).keysAndNamespaces();
    }

    /**
     * @throws IllegalStateException if the name is taken, was restored as a state, or if restored elements do not
     *     decode with the spec's serializer
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> KeyGroupedPriorityQueue<T> createPriorityQueue(String name, PriorityQueueSpec<T> spec) {
        if (states.containsKey(name) || queues.containsKey(name)) {
            throw new IllegalStateException("The name '" + name + "' is already used by a state or queue");
        }
        RestoredState bytes = restored.get(name);
        if (bytes != null && bytes.kindCode() != HeapSnapshotWriter.KIND_QUEUE) {
            throw new IllegalStateException("'" + name + "' was restored as a "
                    + HeapSnapshotWriter.kindName(bytes.kindCode()) + " and is now created as a priority queue");
        }
        HeapPriorityQueueSet<T> queue = new HeapPriorityQueueSet<>(spec, versions);
        if (bytes != null) {
            bytes.decodeElements((TypeSerializer<Object>) spec.serializer(), e -> queue.add((T) e));
            restored.remove(name);
        }
        queues.put(name, queue);
        return queue;
    }

    /** @return the number of (key, namespace) entries of the named state, for tests; 0 if unknown */
    public int numEntries(String stateName) {
        AbstractHeapState<K, ?, ?> s = states.get(stateName);
        return s == null ? 0 : s.table.size();
    }

    /** @return the number of snapshots taken and not yet materialized or cancelled */
    @VisibleForTesting
    int liveSnapshots() {
        return versions.liveCount();
    }

    @Override
    public void close() {
        states.clear();
        ttlStates.clear();
        queues.clear();
        restored.clear();
    }

    /**
     * Takes the synchronous part of a full snapshot: O(key groups x (states + queues)), no entry is visited or
     * copied. Until the returned snapshot is materialized or cancelled, writes copy what it still reads.
     *
     * @return the asynchronous part, or {@link AsyncSnapshot#empty()} if no state or queue was ever registered or
     *     restored
     */
    @Override
    public AsyncSnapshot<KeyedStateHandle> snapshot(CheckpointStreamFactory streams) {
        if (states.isEmpty() && queues.isEmpty() && restored.isEmpty()) {
            return AsyncSnapshot.empty();
        }
        int version = versions.take();
        try {
            long nowMillis = ttlTimeProvider.currentTimestampMillis();
            List<SnapshotPart> parts = new ArrayList<>(states.size() + queues.size() + restored.size());
            for (AbstractHeapState<K, ?, ?> state : states.values()) {
                parts.add(new HeapSnapshotParts.StatePart(state.meta, keyGroupRange.startKeyGroup(),
                        state.table.snapshot(version), keySerializer,
                        SnapshotExpiryFilter.forState(state.meta, nowMillis)));
            }
            for (Map.Entry<String, HeapPriorityQueueSet<?>> q : queues.entrySet()) {
                parts.add(new HeapSnapshotParts.QueuePart(q.getKey(), keyGroupRange.startKeyGroup(),
                        keyGroupRange.numberOfKeyGroups(), q.getValue().snapshot(version), q.getValue().spec()));
            }
            parts.addAll(restored.values());
            String nameHint = "keyed-" + operatorName + "-" + keyGroupRange.startKeyGroup() + "-"
                    + keyGroupRange.endKeyGroup();
            return new HeapSnapshot(streams, nameHint, keyGroupRange, parts, versions, version);
        } catch (RuntimeException e) {
            versions.release(version);
            throw e;
        }
    }
}
