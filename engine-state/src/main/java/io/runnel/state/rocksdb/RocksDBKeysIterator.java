package io.runnel.state.rocksdb;

import io.runnel.api.state.StateAccessException;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;

/**
 * The keys of one state's entries in one namespace, read from a scan over key groups: each stored key is
 * {@code keyGroup | key | namespace [| userKey]}; an entry counts if its namespace bytes equal the wanted ones and
 * (except for map state) nothing follows them. The entries of one key are adjacent (the key's bytes come first and
 * are self-delimiting), so a key is returned once by skipping repeats of the last returned key's bytes.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 */
final class RocksDBKeysIterator<K> extends RocksDBScanIterator<K> {

    private final TypeSerializer<K> keySerializer;
    private final byte[] namespace;
    private final boolean userKeysFollow;
    private final DataInputDeserializer in = new DataInputDeserializer();
    /** Key group and key bytes of the last key returned. Owner: task thread. */
    private byte[] lastKeyBytes;

    /**
     * @param namespace the serialized namespace to match
     * @param userKeysFollow true for map state, whose keys continue after the namespace
     */
    RocksDBKeysIterator(RocksDBRangeIterator range, TypeSerializer<K> keySerializer, byte[] namespace,
                        boolean userKeysFollow) {
        super(range);
        this.keySerializer = keySerializer;
        this.namespace = namespace;
        this.userKeysFollow = userKeysFollow;
    }

    /** @return the entry's key if it is in the namespace and not a repeat, else null */
    @Override
    K decode(byte[] stored) {
        in.setBuffer(stored, 2, stored.length - 2);
        K key;
        try {
            key = keySerializer.deserialize(in);
        } catch (IOException e) {
            throw new StateAccessException("Cannot deserialize a key while scanning keys", e);
        }
        int keyEnd = in.getPosition();
        int namespaceEnd = keyEnd + namespace.length;
        if (namespaceEnd > stored.length || (!userKeysFollow && namespaceEnd != stored.length)
                || !Arrays.equals(stored, keyEnd, namespaceEnd, namespace, 0, namespace.length)) {
            return null;
        }
        if (lastKeyBytes != null && Arrays.equals(stored, 0, keyEnd, lastKeyBytes, 0, lastKeyBytes.length)) {
            return null;
        }
        lastKeyBytes = Arrays.copyOf(stored, keyEnd);
        return key;
    }
}
