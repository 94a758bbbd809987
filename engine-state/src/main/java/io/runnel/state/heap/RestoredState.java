package io.runnel.state.heap;

import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.KeyGroupRange;
import java.io.IOException;

/**
 * The restored bytes of one state or queue, per key group of the restoring backend, kept until the operator
 * registers the name (only then are its serializers known) and decoded then. A name never registered again is
 * written back into later snapshots as these bytes, so nothing restored is lost.
 *
 * <p><b>Threading:</b> filled by the restore before the backend exists; immutable from then on, so snapshots may
 * read it on their async thread.
 */
final class RestoredState implements SnapshotPart {

    private final String name;
    private final int kindCode;
    private final int flags;
    private final KeyGroupRange range;
    private final KeyGroupEntries[] groups;

    /**
     * @param kindCode the kind code of {@link HeapSnapshotWriter}
     * @param flags the flags of {@link HeapSnapshotWriter}
     * @param range the key groups of the restoring backend
     */
    RestoredState(String name, int kindCode, int flags, KeyGroupRange range) {
        this.name = name;
        this.kindCode = kindCode;
        this.flags = flags;
        this.range = range;
        this.groups = new KeyGroupEntries[range.numberOfKeyGroups()];
    }

    /** Restore only: sets the entries of a key group of the range. */
    void put(int keyGroup, KeyGroupEntries entries) {
        groups[keyGroup - range.startKeyGroup()] = entries;
    }

    /** @return whether entries of the key group were restored */
    boolean has(int keyGroup) {
        return groups[keyGroup - range.startKeyGroup()] != null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int kindCode() {
        return kindCode;
    }

    @Override
    public int flags() {
        return flags;
    }

    @Override
    public KeyGroupEntries entriesOf(int keyGroup) {
        return groups[keyGroup - range.startKeyGroup()];
    }

    /** Receives one decoded state entry. */
    @FunctionalInterface
    interface EntryConsumer {
        void accept(int keyGroup, Object key, Object namespace, Object state);
    }

    /** Receives one decoded queue element. */
    @FunctionalInterface
    interface ElementConsumer {
        void accept(Object element);
    }

    /**
     * Decodes the entries of a state, key group by key group.
     *
     * @throws IllegalStateException naming the state and key group if the bytes do not decode with the serializers
     */
    void decodeEntries(TypeSerializer<Object> keys, TypeSerializer<Object> namespaces,
                       TypeSerializer<Object> states, EntryConsumer consumer) {
        Decoder d = new Decoder();
        for (int g = 0; g < groups.length; g++) {
            KeyGroupEntries entries = groups[g];
            if (entries == null) {
                continue;
            }
            int keyGroup = range.startKeyGroup() + g;
            try {
                d.reset(entries);
                for (int i = 0; i < entries.count(); i++) {
                    Object key = d.field(keys);
                    Object namespace = d.field(namespaces);
                    consumer.accept(keyGroup, key, namespace, d.field(states));
                }
                d.expectEnd();
            } catch (IOException | RuntimeException e) {
                throw decodeFailure(keyGroup, e);
            }
        }
    }

    /**
     * Decodes the elements of a queue, key group by key group.
     *
     * @throws IllegalStateException naming the queue and key group if the bytes do not decode with the serializer
     */
    void decodeElements(TypeSerializer<Object> elements, ElementConsumer consumer) {
        Decoder d = new Decoder();
        for (int g = 0; g < groups.length; g++) {
            KeyGroupEntries entries = groups[g];
            if (entries == null) {
                continue;
            }
            try {
                d.reset(entries);
                for (int i = 0; i < entries.count(); i++) {
                    consumer.accept(d.field(elements));
                }
                d.expectEnd();
            } catch (IOException | RuntimeException e) {
                throw decodeFailure(range.startKeyGroup() + g, e);
            }
        }
    }

    private IllegalStateException decodeFailure(int keyGroup, Exception e) {
        return new IllegalStateException("Restored " + HeapSnapshotWriter.kindName(kindCode) + " '" + name
                + "' could not be decoded in key group " + keyGroup + " with the serializers it is registered with"
                + " now (a changed type or namespace?): " + e.getMessage(), e);
    }

    /** Reads length-prefixed fields, checking that each serializer reads exactly its field's bytes. */
    private static final class Decoder {
        private final DataInputDeserializer in = new DataInputDeserializer();
        private final DataInputDeserializer field = new DataInputDeserializer();
        private byte[] bytes;

        void reset(KeyGroupEntries entries) {
            bytes = entries.bytes();
            in.setBuffer(bytes, 0, entries.length());
        }

        Object field(TypeSerializer<Object> serializer) throws IOException {
            int length = in.readVarInt();
            if (length > in.available()) {
                throw new IOException("a field of " + length + " bytes with only " + in.available() + " left");
            }
            field.setBuffer(bytes, in.getPosition(), length);
            Object value = serializer.deserialize(field);
            if (field.available() != 0) {
                throw new IOException("the serializer read " + (length - field.available()) + " of the field's "
                        + length + " bytes");
            }
            in.skipBytes(length);
            return value;
        }

        void expectEnd() throws IOException {
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes follow the last entry");
            }
        }
    }
}
