package io.runnel.connector.jdbc;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.transaction.xa.Xid;

/**
 * One transaction branch of the XA sink: its Xid and whether it was prepared (a transaction that received no
 * record is never started, prepared nor committed).
 *
 * <p>The Xid: format id {@link #FORMAT_ID}; global transaction id = the sink's id (8 bytes), the subtask index
 * (4), the parallelism (4), a random number drawn when the subtask starts (8) and a counter (8); branch qualifier =
 * one zero byte. The first 16 bytes are the subtask's prefix, by which a restore finds the prepared branches a
 * failed attempt left. The parallelism is part of it so that after a rescale the old subtask i's branches (cleaned
 * by whichever new subtask received its state) and the new subtask i's are told apart.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class XaTransaction implements Xid {

    /** "RUNL". */
    static final int FORMAT_ID = 0x52554E4C;
    static final int PREFIX_LENGTH = 16;
    private static final byte[] BRANCH = {0};

    private final byte[] globalId;
    private boolean started;
    private boolean prepared;

    private XaTransaction(byte[] globalId, boolean prepared) {
        this.globalId = globalId;
        this.prepared = prepared;
    }

    static XaTransaction create(long sinkId, int subtask, int parallelism, long startNonce, long counter) {
        return new XaTransaction(ByteBuffer.allocate(PREFIX_LENGTH + 16).put(prefix(sinkId, subtask, parallelism))
                .putLong(startNonce).putLong(counter).array(), false);
    }

    /** @return the first 16 bytes of the global ids of one subtask of one sink at one parallelism */
    static byte[] prefix(long sinkId, int subtask, int parallelism) {
        return ByteBuffer.allocate(PREFIX_LENGTH).putLong(sinkId).putInt(subtask).putInt(parallelism).array();
    }

    /** @return the prefix of the subtask that created this transaction */
    byte[] prefix() {
        return Arrays.copyOf(globalId, PREFIX_LENGTH);
    }

    /** @return true if {@code xid} is a branch of this sink's subtask with that prefix */
    static boolean hasPrefix(Xid xid, byte[] prefix) {
        byte[] id = xid.getGlobalTransactionId();
        return xid.getFormatId() == FORMAT_ID && id != null && id.length >= prefix.length
                && Arrays.equals(id, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** @return true if both name the same branch, whatever their classes */
    static boolean same(Xid a, Xid b) {
        return a.getFormatId() == b.getFormatId() && Arrays.equals(a.getGlobalTransactionId(), b.getGlobalTransactionId())
                && Arrays.equals(a.getBranchQualifier(), b.getBranchQualifier());
    }

    boolean started() {
        return started;
    }

    void markStarted() {
        started = true;
    }

    boolean prepared() {
        return prepared;
    }

    void markPrepared() {
        prepared = true;
    }

    @Override
    public int getFormatId() {
        return FORMAT_ID;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return globalId.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return BRANCH.clone();
    }

    @Override
    public String toString() {
        ByteBuffer b = ByteBuffer.wrap(globalId);
        return String.format("xid[sink %016x, subtask %d of %d, start %016x, #%d%s]", b.getLong(), b.getInt(),
                b.getInt(), b.getLong(), b.getLong(), prepared ? ", prepared" : "");
    }

    /** Writes the global id and the prepared flag (the rest is fixed). */
    static final class Serializer extends TypeSerializer<XaTransaction> {

        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(XaTransaction value, DataOutputView out) throws IOException {
            out.writeInt(value.globalId.length);
            out.write(value.globalId);
            out.writeBoolean(value.prepared);
        }

        @Override
        public XaTransaction deserialize(DataInputView in) throws IOException {
            int length = in.readInt();
            if (length < 0 || length > Xid.MAXGTRIDSIZE) {
                throw new IOException("corrupt XA transaction: global id of " + length + " bytes");
            }
            byte[] id = new byte[length];
            in.readFully(id);
            return new XaTransaction(id, in.readBoolean());
        }
    }
}
