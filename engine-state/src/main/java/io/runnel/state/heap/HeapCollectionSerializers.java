package io.runnel.state.heap;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.NullableSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Serializers of the collections the heap keeps as the state objects of list and map state, for snapshots and
 * restore: a count (int) then the elements, each with a one-byte null flag because list elements and map keys and
 * values may be null.
 *
 * <p><b>Threading:</b> as the element serializers; {@code duplicate()} gives a copy for another thread.
 */
final class HeapCollectionSerializers {

    /** Presize collections up to this many elements only, so a corrupt count cannot allocate gigabytes at once. */
    private static final int MAX_PRESIZE = 4096;

    private HeapCollectionSerializers() {
    }

    /** @return {@code s}, wrapped with a null flag unless it has one */
    static <T> TypeSerializer<T> nullable(TypeSerializer<T> s) {
        return s instanceof NullableSerializer<T> ? s : new NullableSerializer<>(s);
    }

    /** The elements of a list state: {@code int n}, then n nullable elements. */
    static final class ListSerializer<E> extends TypeSerializer<ArrayList<E>> {
        private static final long serialVersionUID = 1L;
        private final TypeSerializer<E> elements;

        ListSerializer(TypeSerializer<E> elements) {
            this.elements = nullable(elements);
        }

        @Override
        public void serialize(ArrayList<E> list, DataOutputView out) throws IOException {
            int n = list.size();
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                elements.serialize(list.get(i), out);
            }
        }

        @Override
        public ArrayList<E> deserialize(DataInputView in) throws IOException {
            int n = readCount(in);
            ArrayList<E> list = new ArrayList<>(Math.min(n, MAX_PRESIZE));
            for (int i = 0; i < n; i++) {
                list.add(elements.deserialize(in));
            }
            return list;
        }

        @Override
        public TypeSerializer<ArrayList<E>> duplicate() {
            TypeSerializer<E> dup = elements.duplicate();
            return dup == elements ? this : new ListSerializer<>(dup);
        }
    }

    /** The entries of a map state: {@code int n}, then n pairs of nullable key and nullable value. */
    static final class MapSerializer<UK, UV> extends TypeSerializer<HashMap<UK, UV>> {
        private static final long serialVersionUID = 1L;
        private final TypeSerializer<UK> keys;
        private final TypeSerializer<UV> values;

        MapSerializer(TypeSerializer<UK> keys, TypeSerializer<UV> values) {
            this.keys = nullable(keys);
            this.values = nullable(values);
        }

        @Override
        public void serialize(HashMap<UK, UV> map, DataOutputView out) throws IOException {
            out.writeInt(map.size());
            for (Map.Entry<UK, UV> e : map.entrySet()) {
                keys.serialize(e.getKey(), out);
                values.serialize(e.getValue(), out);
            }
        }

        @Override
        public HashMap<UK, UV> deserialize(DataInputView in) throws IOException {
            int n = readCount(in);
            HashMap<UK, UV> map = new HashMap<>(Math.min(n, MAX_PRESIZE) * 4 / 3 + 1);
            for (int i = 0; i < n; i++) {
                map.put(keys.deserialize(in), values.deserialize(in));
            }
            return map;
        }

        @Override
        public TypeSerializer<HashMap<UK, UV>> duplicate() {
            TypeSerializer<UK> k = keys.duplicate();
            TypeSerializer<UV> v = values.duplicate();
            return k == keys && v == values ? this : new MapSerializer<>(k, v);
        }
    }

    private static int readCount(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative element count " + n);
        }
        return n;
    }
}
