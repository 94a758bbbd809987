package io.runnel.state.rocksdb;

import io.runnel.api.state.StateDescriptor;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a restore needs to know besides the RocksDB files of a snapshot: the max parallelism the keys were grouped
 * by, and for every column family the state or priority queue it holds (name, kind, whether values carry a TTL
 * timestamp). Written as the file {@value #FILE_NAME} next to the native checkpoint's files and uploaded with them
 * as a private file.
 *
 * <p><b>Format</b> (big-endian, {@link DataOutputStream}): {@code int magic "RNMD"}, {@code int version (1)},
 * {@code int maxParallelism}, {@code int n}, then n times {@code UTF name}, {@code UTF kind} (a
 * {@link StateDescriptor.Kind} name, or {@code QUEUE}), {@code boolean ttl}. Kinds are written by name so that
 * reordering the enum cannot change what a snapshot means.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param maxParallelism the number of key groups of the operator
 * @param columns every state and queue of the backend, registered or restored
 */
record RocksDBStateMetadata(int maxParallelism, List<Column> columns) {

    /** The metadata's file name in a snapshot; not a name RocksDB uses. */
    static final String FILE_NAME = "RUNNEL-STATE-META";

    private static final int MAGIC = 0x524E4D44;
    private static final int VERSION = 1;
    private static final String QUEUE = "QUEUE";

    RocksDBStateMetadata {
        columns = List.copyOf(columns);
    }

    /**
     * One column family.
     *
     * @param name the state's or queue's name (unique among both in one backend)
     * @param kind the kind of state, or null for a priority queue
     * @param ttl whether the values are {@link io.runnel.state.ttl.TtlValue}s (state registered with a TTL)
     */
    record Column(String name, StateDescriptor.Kind kind, boolean ttl) {

        /** @return a state's column: {@code ttl} is whether its descriptor has a TTL configuration */
        static Column state(StateDescriptor<?> descriptor) {
            return new Column(descriptor.getName(), descriptor.getKind(), descriptor.getTtlConfig() != null);
        }

        /** @return a priority queue's column */
        static Column queue(String name) {
            return new Column(name, null, false);
        }

        boolean isQueue() {
            return kind == null;
        }

        /** @return the column family's name in RocksDB: {@code state/<name>} or {@code queue/<name>} */
        String columnFamily() {
            return (isQueue() ? "queue/" : "state/") + name;
        }

        /** @return what this column holds, for errors: "value state 'x' with TTL", "priority queue 'y'" */
        String describe() {
            if (isQueue()) {
                return "priority queue '" + name + "'";
            }
            return kind + " state '" + name + "'" + (ttl ? " with time-to-live" : " without time-to-live");
        }
    }

    /** @return metadata of the given columns */
    static RocksDBStateMetadata of(int maxParallelism, Collection<Column> columns) {
        return new RocksDBStateMetadata(maxParallelism, new ArrayList<>(columns));
    }

    /** Writes the format above; does not close {@code out}. */
    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(maxParallelism);
        data.writeInt(columns.size());
        for (Column column : columns) {
            data.writeUTF(column.name());
            data.writeUTF(column.isQueue() ? QUEUE : column.kind().name());
            data.writeBoolean(column.ttl());
        }
        data.flush();
    }

    /**
     * Reads the format above.
     *
     * @param source names the file in errors
     * @throws IOException if the bytes are not this format or end early
     */
    static RocksDBStateMetadata read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException(source + " is not the state metadata of a RocksDB snapshot");
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException(source + " has metadata version " + version + "; this version reads "
                    + VERSION);
        }
        int maxParallelism = data.readInt();
        int n = data.readInt();
        List<Column> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = data.readUTF();
            String kind = data.readUTF();
            boolean ttl = data.readBoolean();
            columns.add(new Column(name, kind.equals(QUEUE) ? null : parseKind(kind, source), ttl));
        }
        return new RocksDBStateMetadata(maxParallelism, columns);
    }

    private static StateDescriptor.Kind parseKind(String kind, String source) throws IOException {
        try {
            return StateDescriptor.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " names an unknown kind of state: " + kind, e);
        }
    }
}
