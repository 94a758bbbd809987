package io.runnel.runtime.network;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.streamrecord.CheckpointBarrier;
import io.runnel.streamrecord.EndOfData;
import io.runnel.streamrecord.EndOfPartition;
import io.runnel.streamrecord.StreamElement;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;
import java.io.IOException;

/**
 * The wire format of stream elements inside network buffers: one tag byte, then the element. Records carry their
 * timestamp only when they have one. Events travel in-band, which keeps them ordered with the records.
 *
 * <pre>
 *   RECORD     0 | value
 *   RECORD_TS  1 | timestamp (8) | value
 *   WATERMARK  2 | timestamp (8)
 *   STATUS     3 | idle (1)
 *   BARRIER    4 | checkpointId (8) | timestamp (8) | savepoint (1) | target directory (UTF)
 *   EOP        5
 *   SUSPENDED  6   (end of partition after a stop-with-savepoint without drain)
 *   END_DATA   7   (operators finished; only barriers and the end of partition follow)
 * </pre>
 *
 * <p><b>Threading:</b> holds the (possibly stateful) value serializer and a reusable record; one instance per
 * thread.
 *
 * @param <T> the record value type
 */
public final class StreamElementSerializer<T> {

    static final byte RECORD = 0;
    static final byte RECORD_TS = 1;
    static final byte WATERMARK = 2;
    static final byte STATUS = 3;
    static final byte BARRIER = 4;
    static final byte EOP = 5;
    static final byte EOP_SUSPENDED = 6;
    static final byte END_OF_DATA = 7;

    private final TypeSerializer<T> valueSerializer;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    public StreamElementSerializer(TypeSerializer<T> valueSerializer) {
        this.valueSerializer = valueSerializer;
    }

    /** Writes a record. */
    public void serializeRecord(StreamRecord<T> record, DataOutputView out) throws IOException {
        if (record.hasTimestamp()) {
            out.writeByte(RECORD_TS);
            out.writeLong(record.getTimestamp());
        } else {
            out.writeByte(RECORD);
        }
        valueSerializer.serialize(record.getValue(), out);
    }

    /** Writes an event (any element but a record). */
    public void serializeEvent(StreamElement event, DataOutputView out) throws IOException {
        if (event instanceof Watermark w) {
            out.writeByte(WATERMARK);
            out.writeLong(w.timestamp());
        } else if (event instanceof WatermarkStatus s) {
            out.writeByte(STATUS);
            out.writeBoolean(s.idle());
        } else if (event instanceof CheckpointBarrier b) {
            out.writeByte(BARRIER);
            out.writeLong(b.checkpointId());
            out.writeLong(b.timestampMillis());
            out.writeBoolean(b.savepoint());
            out.writeUTF(b.targetDirectory());
        } else if (event instanceof EndOfData) {
            out.writeByte(END_OF_DATA);
        } else if (event instanceof EndOfPartition end) {
            out.writeByte(end == EndOfPartition.SUSPENDED ? EOP_SUSPENDED : EOP);
        } else {
            throw new IllegalArgumentException("not an event: " + event);
        }
    }

    /**
     * Reads one element. A record is returned in a reused {@link StreamRecord} valid until the next call.
     *
     * @throws IOException if the bytes are malformed
     */
    public StreamElement deserialize(DataInputView in) throws IOException {
        byte tag = in.readByte();
        // Records take this short path, which stays small enough for the JIT to inline into the input loop even
        // when it was compiled on its own first; events go through the larger method below.
        if (tag == RECORD) {
            reuse.eraseTimestamp();
            return reuse.replace(valueSerializer.deserialize(in));
        }
        if (tag == RECORD_TS) {
            long ts = in.readLong();
            return reuse.replace(valueSerializer.deserialize(in), ts);
        }
        return deserializeEvent(tag, in);
    }

    private static StreamElement deserializeEvent(byte tag, DataInputView in) throws IOException {
        switch (tag) {
            case WATERMARK:
                return new Watermark(in.readLong());
            case STATUS:
                return in.readBoolean() ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE;
            case BARRIER:
                return new CheckpointBarrier(in.readLong(), in.readLong(), in.readBoolean(), in.readUTF());
            case EOP:
                return EndOfPartition.INSTANCE;
            case EOP_SUSPENDED:
                return EndOfPartition.SUSPENDED;
            case END_OF_DATA:
                return EndOfData.INSTANCE;
            default:
                throw new IOException("corrupt stream: unknown element tag " + tag);
        }
    }
}
