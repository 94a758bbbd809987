package io.runnel.state.heap;

import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.InternalKvState;
import io.runnel.state.NamespaceDrainableState;
import io.runnel.state.VoidNamespace;
import java.util.Collection;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Base of the heap states: reads and writes the entry of the backend's current key in the current namespace.
 *
 * <p>The typical user function reads a key's state and then writes it ({@code value()} then {@code update()}).
 * The slot found by the read is remembered together with the key and namespace objects it was found for and the
 * map's version, and a write for the very same objects (an identity check) into an unchanged map stores into that
 * slot without a second hash lookup.
 *
 * <p>Every state object this class returns, to the user or to a subclass that changes it in place (a list's add, a
 * map's put, a user function that mutates its accumulator), is first made private: if a live snapshot still reads
 * it ({@link StateMap#isShared}), it is replaced in its slot by a copy from {@link HeapStateMeta#copier()}. So a
 * snapshot sees the objects as they were when it was taken; with no snapshot live the check is one comparison.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <N> namespace type
 * @param <S> the stored object type
 */
abstract class AbstractHeapState<K, N, S> implements InternalKvState<N>, NamespaceDrainableState<K, N> {

    final HeapKeyedStateBackend<K> backend;
    final HeapStateMeta meta;
    final StateTable<K, N, S> table;
    private final StateCopier<S> copier;
    /** Owner: task thread; {@link VoidNamespace} unless a window operator sets one. */
    private N currentNamespace;
    /** Where the last access found the current key: map, slot and the map's version then. Owner: task thread. */
    private StateMap<K, N, S> lastMap;
    private int lastIndex = -1;
    private int lastVersion;
    private K lastKey;
    private N lastNamespace;
    /** A sink for {@link StateMap#touchObjects()}, so that its reads are not optimized away. */
    private int touched;

    @SuppressWarnings("unchecked")
    AbstractHeapState(HeapKeyedStateBackend<K> backend, HeapStateMeta meta) {
        this.backend = backend;
        this.meta = meta;
        this.copier = (StateCopier<S>) meta.copier();
        this.table = new StateTable<>(backend.getKeyGroupRange(), backend.copyOnWriteVersions());
        this.currentNamespace = (N) VoidNamespace.INSTANCE;
    }

    abstract StateDescriptor.Kind kind();

    @Override
    public final void setCurrentNamespace(N namespace) {
        currentNamespace = namespace;
    }

    final N currentNamespace() {
        return currentNamespace;
    }

    /**
     * Removes the entry of (key, namespace) if it still holds {@code expected}: for an iterator that emptied the map
     * it was created on, which by then may have been replaced (the key and namespace are those of its creation).
     */
    final void removeIfHolds(K key, int keyGroup, N namespace, S expected) {
        StateMap<K, N, S> map = table.mapOrNull(namespace, keyGroup);
        int index = map == null ? -1 : map.indexOf(key, namespace);
        if (index >= 0 && map.stateAt(index) == expected) {
            lastIndex = -1;
            table.remove(key, keyGroup, namespace);
        }
    }

    @Override
    public final void partitionByNamespace() {
        lastIndex = -1;
        table.partitionByNamespace();
    }

    @Override
    public final int drainNamespaces(List<N> namespaces, Visitor<K, N> visitor) throws Exception {
        lastIndex = -1;
        List<StateMap<K, N, S>[]> taken = table.takeNamespaces(namespaces);
        int firstKeyGroup = backend.getKeyGroupRange().startKeyGroup();
        int drained = 0;
        for (int p = 0; p < taken.size(); p++) {
            StateMap<K, N, S>[] maps = taken.get(p);
            if (maps == null) {
                continue;
            }
            N namespace = namespaces.get(p);
            for (StateMap<K, N, S> map : maps) {
                touched += map == null ? 0 : map.touchObjects();
            }
            for (int i = 0; i < maps.length; i++) {
                StateMap<K, N, S> map = maps[i];
                if (map == null) {
                    continue;
                }
                int keyGroup = firstKeyGroup + i;
                drained += map.size();
                map.forEach((slot, key, ns, state) -> {
                    // The map is the key group's, so the group is known without hashing the key again.
                    backend.setCurrentKeyInGroup(key, keyGroup);
                    // The visitor owns what it gets and may change it; a live snapshot keeps the original.
                    visitor.visit(key, namespace, state != null && map.isShared(slot) ? copier.copy(state) : state);
                });
            }
        }
        return drained;
    }

    /** @return the state object of the current key in {@code namespace}, removed from the table; null if none */
    final S removeInternal(N namespace) {
        K key = backend.getCurrentKey();
        int keyGroup = backend.getCurrentKeyGroup();
        StateMap<K, N, S> map = table.mapOrNull(namespace, keyGroup);
        int index = map == null ? -1 : map.indexOf(key, namespace);
        if (index < 0) {
            return null;
        }
        S state = map.stateAt(index);
        if (map.isShared(index) && state != null) {
            // The caller may change the removed object (a merge appends to it); the snapshot keeps the original.
            state = copier.copy(state);
        }
        lastIndex = -1;
        table.remove(key, keyGroup, namespace);
        return state;
    }

    /**
     * Merges the entries of {@code sources} into {@code target} for the current key (see
     * {@link io.runnel.state.InternalMergingState}), combining two state objects with {@code combine}.
     */
    final void mergeInto(N target, Collection<N> sources, BinaryOperator<S> combine) {
        S merged = null;
        for (N source : sources) {
            S s = removeInternal(source);
            if (s != null) {
                merged = merged == null ? s : combine.apply(merged, s);
            }
        }
        if (merged == null) {
            return;
        }
        S existing = removeInternal(target);
        setCurrentNamespace(target);
        putInternal(existing == null ? merged : combine.apply(existing, merged));
    }

    /**
     * @return the state object of the current key in the current namespace, or null; public because reducing and
     *     aggregating states implement {@link io.runnel.state.InternalAppendingState#getInternal()} with it
     */
    public final S getInternal() {
        K key = backend.getCurrentKey();
        StateMap<K, N, S> map = table.mapOrNull(currentNamespace, backend.getCurrentKeyGroup());
        int index = map == null ? -1 : map.indexOf(key, currentNamespace);
        remember(key, map, index);
        if (index < 0) {
            return null;
        }
        map.adoptKey(index, key);
        S state = map.stateAt(index);
        return map.isShared(index) && state != null ? unshareState(map, index, state) : state;
    }

    /**
     * Replaces a state object that a live snapshot reads by a copy of it, and returns the copy. Kept out of
     * {@link #getInternal()}, so that the read's compiled code carries only the path taken while no snapshot is live.
     */
    private S unshareState(StateMap<K, N, S> map, int index, S state) {
        S copy = copier.copy(state);
        map.setStateAt(index, copy);
        return copy;
    }

    final void putInternal(S value) {
        K key = backend.getCurrentKey();
        StateMap<K, N, S> map = lastMap;
        if (lastIndex >= 0 && lastKey == key && lastNamespace == currentNamespace && map.version() == lastVersion) {
            map.setStateAt(lastIndex, value);
            return;
        }
        map = table.mapFor(currentNamespace, backend.getCurrentKeyGroup());
        remember(key, map, map.put(key, currentNamespace, value));
    }

    private void remember(K key, StateMap<K, N, S> map, int index) {
        lastMap = map;
        lastIndex = index;
        lastVersion = map == null ? 0 : map.version();
        lastKey = key;
        lastNamespace = currentNamespace;
    }

    /**
     * Decodes restored entries into the table; before the state is handed out.
     *
     * @throws IllegalStateException naming the state and key group if the bytes do not decode
     */
    @SuppressWarnings("unchecked")
    final void restore(RestoredState bytes, TypeSerializer<Object> keySerializer) {
        bytes.decodeEntries(keySerializer, meta.namespaceSerializer(), meta.stateSerializer(),
                (keyGroup, key, namespace, state) -> table.mapFor((N) namespace, keyGroup).put((K) key, (N) namespace,
                        (S) state));
    }

    @Override
    public final void clear() {
        lastIndex = -1;
        table.remove(backend.getCurrentKey(), backend.getCurrentKeyGroup(), currentNamespace);
    }
}
