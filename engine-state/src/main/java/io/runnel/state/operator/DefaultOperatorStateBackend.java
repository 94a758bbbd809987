package io.runnel.state.operator;

import io.runnel.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.InputStream;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.OperatorStateStore;
import io.runnel.api.typeutils.TypeSerializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator state of one parallel instance, on the heap: named lists with their redistribution mode. A
 * snapshot copies the lists; a restore starts from the instance's share (see {@link OperatorStateRedistributor}).
 *
 * <p><b>Threading:</b> task thread only.
 */
public final class DefaultOperatorStateBackend implements OperatorStateStore {

    private final Map<String, PartitionableListState<?>> states = new LinkedHashMap<>();
    private final OperatorStateSnapshot restored;

    /** Creates an empty backend (a fresh start). */
    public DefaultOperatorStateBackend() {
        this(null);
    }

    /** @param restored this instance's share of a previous snapshot, or null for a fresh start */
    public DefaultOperatorStateBackend(OperatorStateSnapshot restored) {
        this.restored = restored;
    }

    /**
     * Creates the backend of one new instance from the operator state of every old instance: reads each, deals
     * the lists out anew (see {@link OperatorStateRedistributor}) and keeps this instance's share. This is how a
     * restore at another parallelism needs nothing but the old handles.
     *
     * @param oldStates the old instances' snapshots in old instance order (null entries: none)
     * @param classLoader the job's class loader
     * @param parallelism the new number of instances
     * @param index this instance's index
     * @param what names the operator in errors
     * @return the backend
     * @throws IOException naming the handle if a snapshot cannot be read
     */
    public static DefaultOperatorStateBackend restore(List<StreamStateHandle> oldStates, ClassLoader classLoader,
                                                      int parallelism, int index, String what) throws IOException {
        List<OperatorStateSnapshot> old = new ArrayList<>();
        for (StreamStateHandle h : oldStates) {
            if (h == null) {
                old.add(null);
                continue;
            }
            try (InputStream in = h.openInputStream()) {
                old.add(OperatorStateSnapshotIO.read(in, classLoader, h + " of " + what));
            }
        }
        if (old.stream().allMatch(snapshot -> snapshot == null)) {
            return new DefaultOperatorStateBackend(new OperatorStateSnapshot(Map.of()));
        }
        return new DefaultOperatorStateBackend(OperatorStateRedistributor.redistribute(old, parallelism).get(index));
    }

    /** @return true if the backend started from a snapshot */
    public boolean isRestored() {
        return restored != null;
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
        return get(descriptor, OperatorStateSnapshot.Mode.SPLIT_DISTRIBUTE);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
        return get(descriptor, OperatorStateSnapshot.Mode.UNION);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <S> ListState<S> get(ListStateDescriptor<S> descriptor, OperatorStateSnapshot.Mode mode) {
        return getListState(descriptor.getName(), (TypeSerializer) descriptor.createSerializer(), mode);
    }

    /**
     * Gets or creates a list with an explicit serializer (for the runtime's own state, such as a source's splits,
     * and broadcast state).
     *
     * @param name the list's name
     * @param serializer writes the elements into snapshots
     * @param mode how the list is redistributed on restore
     * @return the list, holding this instance's restored share if the name was in the restored snapshot
     * @throws IllegalStateException if the name was registered with another mode
     */
    @SuppressWarnings("unchecked")
    public <S> ListState<S> getListState(String name, TypeSerializer<S> serializer, OperatorStateSnapshot.Mode mode) {
        PartitionableListState<?> existing = states.get(name);
        if (existing != null) {
            if (existing.mode != mode) {
                throw new IllegalStateException("Operator state '" + name + "' was registered as " + existing.mode
                        + " and is now requested as " + mode);
            }
            return (ListState<S>) existing;
        }
        PartitionableListState<S> created = new PartitionableListState<>(mode, (TypeSerializer<Object>) serializer);
        OperatorStateSnapshot.NamedList previous = restored == null ? null : restored.states().get(name);
        if (previous != null) {
            created.elements.addAll((List<S>) (List<?>) previous.elements());
        }
        states.put(name, created);
        return created;
    }

    /** @return true if no list is registered */
    public boolean isEmpty() {
        return states.isEmpty();
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        return Collections.unmodifiableSet(states.keySet());
    }

    /**
     * @return a copy of every registered list (the elements themselves are shared: write them out before user code
     *     runs again)
     */
    public OperatorStateSnapshot snapshot() {
        Map<String, OperatorStateSnapshot.NamedList> copy = new LinkedHashMap<>();
        states.forEach((name, s) -> copy.put(name, new OperatorStateSnapshot.NamedList(s.mode,
                new ArrayList<>(s.elements), s.serializer)));
        if (restored != null) {
            // Restored lists the operator has not asked for (yet) are kept, so nothing restored is lost.
            restored.states().forEach(copy::putIfAbsent);
        }
        return new OperatorStateSnapshot(copy);
    }

    /** A list of elements with its redistribution mode and serializer. */
    private static final class PartitionableListState<S> implements ListState<S> {
        private final OperatorStateSnapshot.Mode mode;
        private final TypeSerializer<Object> serializer;
        private final List<S> elements = new ArrayList<>();

        PartitionableListState(OperatorStateSnapshot.Mode mode, TypeSerializer<Object> serializer) {
            this.mode = mode;
            this.serializer = serializer;
        }

        @Override
        public Iterable<S> get() {
            return elements;
        }

        @Override
        public void add(S value) {
            if (value == null) {
                throw new IllegalArgumentException("operator list state does not take null elements");
            }
            elements.add(value);
        }

        @Override
        public void update(List<S> values) {
            elements.clear();
            if (values != null) {
                values.forEach(this::add);
            }
        }

        @Override
        public void addAll(List<S> values) {
            values.forEach(this::add);
        }

        @Override
        public void clear() {
            elements.clear();
        }
    }
}
