package io.runnel.connector.file;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link FileSink} subtask keeps in its checkpoints besides its transactions: the next part counter (so
 * names never repeat after a restore), which subtask of how many wrote it (a restore cleans up stale part files only
 * when it gets its own context back), and the partition-commit bookkeeping: the latest pre-commit time of a
 * committed transaction and the buckets with finished files that wait for it to pass their end.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class FileSinkContext {

    long nextPartCounter;
    int subtaskIndex;
    int parallelism;
    long committedTimeMillis = Long.MIN_VALUE;
    /** Bucket id → end of its time range, ms: buckets with finished part files and no partition commit yet. */
    final Map<String, Long> awaitingCommit = new TreeMap<>();

    FileSinkContext(int subtaskIndex, int parallelism) {
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    /** Writes the context into a checkpoint. Threading: immutable. */
    static final class Serializer extends TypeSerializer<FileSinkContext> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(FileSinkContext c, DataOutputView out) throws IOException {
            out.writeLong(c.nextPartCounter);
            out.writeInt(c.subtaskIndex);
            out.writeInt(c.parallelism);
            out.writeLong(c.committedTimeMillis);
            out.writeInt(c.awaitingCommit.size());
            for (Map.Entry<String, Long> e : c.awaitingCommit.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
        }

        @Override
        public FileSinkContext deserialize(DataInputView in) throws IOException {
            long next = in.readLong();
            FileSinkContext c = new FileSinkContext(in.readInt(), in.readInt());
            c.nextPartCounter = next;
            c.committedTimeMillis = in.readLong();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                c.awaitingCommit.put(in.readUTF(), in.readLong());
            }
            return c;
        }
    }
}
