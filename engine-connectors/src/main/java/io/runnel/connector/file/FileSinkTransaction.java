package io.runnel.connector.file;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FileSink} transaction: the directory it writes under, the part files a subtask opened since the
 * previous checkpoint, and the time the transaction was pre-committed at (the watermark, or processing time, for
 * partition commits). The directory is kept so that a job resumed with another output directory still finishes
 * (or deletes) the files where they were written, as Flink's pending-file recoverables hold full paths.
 *
 * <p><b>Threading:</b> task thread only; mutable until pre-committed (parts are added as they are opened).
 */
final class FileSinkTransaction {

    private final String base;
    private final List<PartFile> parts;
    private long preCommitTimeMillis;

    /** @param base the absolute directory the sink writes under */
    FileSinkTransaction(String base) {
        this(base, new ArrayList<>(), Long.MIN_VALUE);
    }

    private FileSinkTransaction(String base, List<PartFile> parts, long preCommitTimeMillis) {
        this.base = base;
        this.parts = parts;
        this.preCommitTimeMillis = preCommitTimeMillis;
    }

    /** @return the absolute directory the part files are under */
    Path base() {
        return Path.of(base);
    }

    List<PartFile> parts() {
        return parts;
    }

    void add(PartFile part) {
        parts.add(part);
    }

    long preCommitTimeMillis() {
        return preCommitTimeMillis;
    }

    void setPreCommitTimeMillis(long millis) {
        this.preCommitTimeMillis = millis;
    }

    @Override
    public String toString() {
        return "FileSinkTransaction" + parts + " under " + base;
    }

    /** Writes a transaction into a checkpoint. Threading: immutable. */
    static final class Serializer extends TypeSerializer<FileSinkTransaction> {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(FileSinkTransaction txn, DataOutputView out) throws IOException {
            out.writeUTF(txn.base);
            out.writeLong(txn.preCommitTimeMillis);
            out.writeInt(txn.parts.size());
            for (PartFile p : txn.parts) {
                out.writeUTF(p.bucketId());
                out.writeInt(p.subtaskIndex());
                out.writeLong(p.counter());
                out.writeLong(p.bucketEndMillis());
            }
        }

        @Override
        public FileSinkTransaction deserialize(DataInputView in) throws IOException {
            String base = in.readUTF();
            long time = in.readLong();
            int n = in.readInt();
            List<PartFile> parts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parts.add(new PartFile(in.readUTF(), in.readInt(), in.readLong(), in.readLong()));
            }
            return new FileSinkTransaction(base, parts, time);
        }
    }
}
