package io.runnel.state.heap;

import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupRangeAssignment;
import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.PriorityQueueSpec;
import io.runnel.state.TtlTimeProvider;
import io.runnel.state.ttl.TtlStateFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keyed state on the heap: per registered state a {@link StateTable} of hash maps per key group. Values are kept
 * as the objects the user function passed in (no copy, as in Flink's heap backend), so a function must not
 * modify a value after handing it to {@code update} unless it means to.
 *
 * <p>A state with time-to-live stores {@link io.runnel.state.ttl.TtlValue} objects (value and timestamp) in the same
 * tables and is handed out behind the TTL decorator of {@link TtlStateFactory}; {@link #numEntries} counts its
 * entries, expired or not, and {@link #getKeys} may report keys whose values expired but were not accessed since.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final TtlStateFactory ttl;
    /** The tables of all states, by name. */
    private final Map<String, AbstractHeapState<K, ?, ?>> states = new HashMap<>();
    /** What the user gets for the states with TTL: the decorator over the table in {@link #states}. */
    private final Map<String, State> ttlStates = new HashMap<>();
    private final Set<String> queueNames = new HashSet<>();
    /** Owner: task thread. */
    private K currentKey;
    /** Owner: task thread. */
    private int currentKeyGroup;

    /**
     * A backend whose TTL clock is the wall clock.
     *
     * @param keyGroupRange the key groups of this subtask
     * @param maxParallelism the total number of key groups
     */
    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
        this(keyGroupRange, maxParallelism, TtlTimeProvider.SYSTEM);
    }

    /**
     * @param keyGroupRange the key groups of this subtask
     * @param maxParallelism the total number of key groups
     * @param ttlTimeProvider the clock of state time-to-live (ms)
     */
    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism, TtlTimeProvider ttlTimeProvider) {
        this.keyGroupRange = keyGroupRange;
        this.maxParallelism = maxParallelism;
        this.ttl = new TtlStateFactory(ttlTimeProvider);
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
     * @throws IllegalStateException if the name was registered as another kind of state, with another TTL
     *     configuration, or as a queue
     */
    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getOrCreateKeyedState(StateDescriptor<?> descriptor) {
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
        if (queueNames.contains(name)) {
            throw new IllegalStateException("The name '" + name + "' is already used by a queue");
        }
        AbstractHeapState<K, ?, ?> created = HeapStates.create(this, descriptor, ttl);
        states.put(name, created);
        State exposed = ttl.decorate(descriptor, created);
        if (exposed != created) {
            ttlStates.put(name, exposed);
        }
        return (S) exposed;
    }

    @Override
    public <N, S extends State> S getOrCreateKeyedState(TypeSerializer<N> namespaceSerializer,
                                                        StateDescriptor<?> descriptor) {
        // The heap keeps namespaces as objects; the serializer matters only to backends that store bytes.
        return getOrCreateKeyedState(descriptor);
    }

    @Override
    public <N> Stream<K> getKeys(String stateName, N namespace) {
        AbstractHeapState<K, ?, ?> s = states.get(stateName);
        return s == null ? Stream.empty() : s.table.keys(namespace);
    }

    @Override
    public <T> KeyGroupedPriorityQueue<T> createPriorityQueue(String name, PriorityQueueSpec<T> spec) {
        if (states.containsKey(name) || !queueNames.add(name)) {
            throw new IllegalStateException("The name '" + name + "' is already used by a state or queue");
        }
        return new HeapPriorityQueueSet<>(spec);
    }

    /** @return the number of (key, namespace) entries of the named state, for tests; 0 if unknown */
    public int numEntries(String stateName) {
        AbstractHeapState<K, ?, ?> s = states.get(stateName);
        return s == null ? 0 : s.table.size();
    }

    @Override
    public void close() {
        states.clear();
        ttlStates.clear();
    }

    @Override
    public AsyncSnapshot<KeyedStateHandle> snapshot(CheckpointStreamFactory streams) {
        throw new UnsupportedOperationException("snapshots of this backend are being written");
    }
}
