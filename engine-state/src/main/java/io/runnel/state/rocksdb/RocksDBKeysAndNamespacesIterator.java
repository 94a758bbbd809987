package io.runnel.state.rocksdb;

import io.runnel.api.common.Tuple2;
import io.runnel.api.state.StateAccessException;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;

/**
 * Every (key, namespace) of one state, read from a scan over key groups: each stored key is
 * {@code keyGroup | key | namespace [| userKey]}, and the entries of one (key, namespace) are adjacent (key and
 * namespace bytes are self-delimiting and come first), so a pair is returned once by skipping repeats of the last
 * returned pair's bytes (a map state's user keys).
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 * @param <N> the namespace type
 */
final class RocksDBKeysAndNamespacesIterator<K, N> extends RocksDBScanIterator<Tuple2<K, N>> {

    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<N> namespaceSerializer;
    private final DataInputDeserializer in = new DataInputDeserializer();
    /** Key group, key and namespace bytes of the last pair returned. Owner: task thread. */
    private byte[] lastBytes;

    RocksDBKeysAndNamespacesIterator(RocksDBRangeIterator range, TypeSerializer<K> keySerializer,
                                     TypeSerializer<N> namespaceSerializer) {
        super(range);
        this.keySerializer = keySerializer;
        this.namespaceSerializer = namespaceSerializer;
    }

    /** @return the entry's (key, namespace), or null if it repeats the last one */
    @Override
    Tuple2<K, N> decode(byte[] stored) {
        in.setBuffer(stored, 2, stored.length - 2);
        K key;
        N namespace;
        try {
            key = keySerializer.deserialize(in);
            namespace = namespaceSerializer.deserialize(in);
        } catch (IOException e) {
            throw new StateAccessException("Cannot deserialize a key and namespace while scanning a state", e);
        }
        int end = in.getPosition();
        if (lastBytes != null && Arrays.equals(stored, 0, end, lastBytes, 0, lastBytes.length)) {
            return null;
        }
        lastBytes = Arrays.copyOf(stored, end);
        return Tuple2.of(key, namespace);
    }
}
