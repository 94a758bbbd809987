package io.runnel.state.rocksdb;

import io.runnel.api.state.StateAccessException;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;

/**
 * Builds the RocksDB key of a state entry in one reused buffer:
 * {@code keyGroup (2 bytes, big-endian) | key bytes | namespace bytes [| user key bytes]}. The key group comes
 * first so that one key group, and a contiguous key-group range, is one contiguous range of keys (one scan); the
 * key before the namespace makes the entries of one key adjacent. The current key's part is serialized once per
 * {@link #setKey}, and each access appends only the namespace (and map key). After Flink's
 * {@code SerializedCompositeKeyBuilder}.
 *
 * <p>Serializers read exactly what they wrote, so every part is self-delimiting and a key's bytes are never a
 * prefix of another key's bytes; prefix scans therefore never mix two keys.
 *
 * <p><b>Threading:</b> task thread only. The buffer is overwritten by the next build; callers that keep bytes
 * copy them.
 *
 * @param <K> the key type
 */
final class SerializedKeyBuilder<K> {

    private final TypeSerializer<K> keySerializer;
    private final DataOutputSerializer out = new DataOutputSerializer(64);
    /** Length of key group plus key bytes. Owner: task thread. */
    private int keyEnd;

    SerializedKeyBuilder(TypeSerializer<K> keySerializer) {
        this.keySerializer = keySerializer;
    }

    /**
     * Serializes the key group and the key as the start of all following keys.
     *
     * @throws StateAccessException if the key serializer fails
     */
    void setKey(K key, int keyGroup) {
        out.clear();
        out.writeShort(keyGroup);
        try {
            keySerializer.serialize(key, out);
        } catch (IOException e) {
            throw new StateAccessException("Cannot serialize the key " + key, e);
        }
        keyEnd = out.length();
    }

    /**
     * Appends {@code namespace} to the current key's bytes.
     *
     * @return the length of the built key in {@link #buffer()}
     */
    <N> int withNamespace(N namespace, TypeSerializer<N> namespaceSerializer) {
        out.setPosition(keyEnd);
        serialize(namespace, namespaceSerializer);
        return out.length();
    }

    /**
     * Appends {@code namespace} and then {@code userKey} to the current key's bytes.
     *
     * @return the length of the built key in {@link #buffer()}
     */
    <N, U> int withNamespaceAndUserKey(N namespace, TypeSerializer<N> namespaceSerializer, U userKey,
                                       TypeSerializer<U> userKeySerializer) {
        withNamespace(namespace, namespaceSerializer);
        serialize(userKey, userKeySerializer);
        return out.length();
    }

    /** @return the buffer holding the last built key from index 0; valid until the next call */
    byte[] buffer() {
        return out.getBuffer();
    }

    /** @return a copy of the first {@code length} bytes of the buffer */
    byte[] copy(int length) {
        return Arrays.copyOf(out.getBuffer(), length);
    }

    private <T> void serialize(T value, TypeSerializer<T> serializer) {
        try {
            serializer.serialize(value, out);
        } catch (IOException e) {
            throw new StateAccessException("Cannot serialize " + value + " into a state key", e);
        }
    }
}
