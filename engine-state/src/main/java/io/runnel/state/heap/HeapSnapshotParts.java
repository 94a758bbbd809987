package io.runnel.state.heap;

import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.PriorityQueueSpec;
import io.runnel.state.VoidNamespace;
import io.runnel.state.VoidNamespaceSerializer;
import java.io.IOException;
import java.util.function.ToIntFunction;

/**
 * The {@link SnapshotPart}s of registered states and queues: they encode, on the async snapshot thread, what the
 * synchronous part captured by copy-on-write, in the entry encoding of {@link HeapSnapshotWriter}.
 *
 * <p><b>Threading:</b> each part is created on the task thread with serializers duplicated for the async thread,
 * and is then used by that one thread.
 */
final class HeapSnapshotParts {

    private HeapSnapshotParts() {
    }

    /** Writes one length-prefixed field: varint length, then the bytes {@code serializer} writes. */
    private static <T> void writeField(TypeSerializer<T> serializer, T value, DataOutputSerializer scratch,
                                       DataOutputSerializer out) throws IOException {
        scratch.clear();
        serializer.serialize(value, scratch);
        out.writeVarInt(scratch.length());
        out.write(scratch.getBuffer(), 0, scratch.length());
    }

    /** A registered state: per key group, its entries as key, namespace and state object bytes. */
    static final class StatePart implements SnapshotPart {
        private final HeapStateMeta meta;
        private final int firstKeyGroup;
        private final StateMap.StateMapSnapshot[][] groups;
        private final TypeSerializer<Object> keys;
        private final TypeSerializer<Object> namespaces;
        private final TypeSerializer<Object> states;
        private final SnapshotExpiryFilter expiry;
        /** VoidNamespaceSerializer writes nothing: any other namespace would be lost, so it is rejected. */
        private final boolean voidNamespaces;
        private final DataOutputSerializer out = new DataOutputSerializer(4096);
        private final DataOutputSerializer scratch = new DataOutputSerializer(64);

        /**
         * Task thread: duplicates the serializers for the async thread.
         *
         * @param groups per key group from {@code firstKeyGroup}, the captured entries of its maps (one per
         *     namespace partition)
         * @param expiry leaves out expired values, or null to keep every value
         */
        StatePart(HeapStateMeta meta, int firstKeyGroup, StateMap.StateMapSnapshot[][] groups,
                  TypeSerializer<Object> keySerializer, SnapshotExpiryFilter expiry) {
            this.meta = meta;
            this.firstKeyGroup = firstKeyGroup;
            this.groups = groups;
            this.keys = keySerializer.duplicate();
            this.namespaces = meta.namespaceSerializer().duplicate();
            this.states = meta.stateSerializer().duplicate();
            this.expiry = expiry;
            this.voidNamespaces = (Object) meta.namespaceSerializer() instanceof VoidNamespaceSerializer;
        }

        @Override
        public String name() {
            return meta.name();
        }

        @Override
        public int kindCode() {
            return HeapSnapshotWriter.kindCode(meta.kind());
        }

        @Override
        public int flags() {
            return meta.hasTtl() ? HeapSnapshotWriter.FLAG_TTL : 0;
        }

        @Override
        public KeyGroupEntries entriesOf(int keyGroup) throws IOException {
            out.clear();
            int count = 0;
            for (StateMap.StateMapSnapshot group : groups[keyGroup - firstKeyGroup]) {
                count += write(group);
            }
            return count == 0 ? null : new KeyGroupEntries(count, out.getBuffer(), out.length());
        }

        /** Writes the live entries of one map's snapshot to {@code out}. @return how many */
        private int write(StateMap.StateMapSnapshot group) throws IOException {
            int count = 0;
            for (int i = 0; i < group.capacity(); i++) {
                Object key = group.keyAt(i);
                Object state = key == null ? null : group.stateAt(i);
                if (state != null && expiry != null) {
                    state = expiry.filter(state);
                }
                if (state == null) {
                    continue;
                }
                Object namespace = group.namespaceAt(i);
                if (voidNamespaces && namespace != VoidNamespace.INSTANCE) {
                    throw new IOException("State '" + meta.name() + "' holds an entry in namespace " + namespace
                            + " but was registered without a namespace serializer");
                }
                writeField(keys, key, scratch, out);
                writeField(namespaces, namespace, scratch, out);
                writeField(states, state, scratch, out);
                count++;
            }
            return count;
        }
    }

    /** A registered queue: per key group, its elements' bytes. */
    static final class QueuePart implements SnapshotPart {
        private final String name;
        private final int firstKeyGroup;
        private final int numKeyGroups;
        private final HeapPriorityQueueSet.QueueSnapshot queue;
        private final ToIntFunction<Object> keyGroupOf;
        private final TypeSerializer<Object> elements;
        private final DataOutputSerializer out = new DataOutputSerializer(1024);
        private final DataOutputSerializer scratch = new DataOutputSerializer(64);
        /** Element positions sorted by key group, and where each group starts in it; built on first use. */
        private int[] byGroup;
        private int[] groupStart;

        @SuppressWarnings("unchecked")
        QueuePart(String name, int firstKeyGroup, int numKeyGroups, HeapPriorityQueueSet.QueueSnapshot queue,
                  PriorityQueueSpec<?> spec) {
            this.name = name;
            this.firstKeyGroup = firstKeyGroup;
            this.numKeyGroups = numKeyGroups;
            this.queue = queue;
            this.keyGroupOf = (ToIntFunction<Object>) spec.keyGroupOf();
            this.elements = (TypeSerializer<Object>) spec.serializer().duplicate();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int kindCode() {
            return HeapSnapshotWriter.KIND_QUEUE;
        }

        @Override
        public int flags() {
            return 0;
        }

        @Override
        public KeyGroupEntries entriesOf(int keyGroup) throws IOException {
            if (byGroup == null) {
                sortByKeyGroup();
            }
            int g = keyGroup - firstKeyGroup;
            int from = groupStart[g];
            int to = groupStart[g + 1];
            if (from == to) {
                return null;
            }
            out.clear();
            for (int i = from; i < to; i++) {
                writeField(elements, queue.elementAt(byGroup[i]), scratch, out);
            }
            return new KeyGroupEntries(to - from, out.getBuffer(), out.length());
        }

        /** A counting sort of the element positions by key group: O(elements + key groups). */
        private void sortByKeyGroup() throws IOException {
            int n = queue.size();
            int[] groupOf = new int[n];
            groupStart = new int[numKeyGroups + 1];
            for (int i = 0; i < n; i++) {
                int g = keyGroupOf.applyAsInt(queue.elementAt(i)) - firstKeyGroup;
                if (g < 0 || g >= numKeyGroups) {
                    throw new IOException("Queue '" + name + "' holds an element of key group " + (g + firstKeyGroup)
                            + ", outside the backend's key groups");
                }
                groupOf[i] = g;
                groupStart[g + 1]++;
            }
            for (int g = 0; g < numKeyGroups; g++) {
                groupStart[g + 1] += groupStart[g];
            }
            int[] next = groupStart.clone();
            byGroup = new int[n];
            for (int i = 0; i < n; i++) {
                byGroup[next[groupOf[i]]++] = i;
            }
        }
    }
}
