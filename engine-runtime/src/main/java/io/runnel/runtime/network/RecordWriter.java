package io.runnel.runtime.network;

import io.runnel.annotation.NotThreadSafe;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.streamrecord.StreamElement;
import io.runnel.streamrecord.StreamRecord;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Serializes a task's output for one job edge into the buffers of its {@link ResultPartition}. Each element is
 * framed as {@code [length:int][element bytes]} and may span buffers; a buffer goes to its subpartition when it
 * is full, on {@link #flushAll()} (the buffer timeout) and after every event, so events are never held back.
 *
 * <p>A record for one channel is serialized straight into that channel's buffer ({@link DataOutputSerializer#wrap});
 * only a record that does not fit in what is left of the buffer is copied, from where the serializer moved it.
 * Events and broadcast records go through a scratch array and are copied into each channel.
 *
 * <p><b>Threading:</b> producer task thread only.
 *
 * @param <T> the record value type
 */
@NotThreadSafe
public final class RecordWriter<T> {

    private final ResultPartition partition;
    private final ChannelSelector<T> channelSelector;
    private final StreamElementSerializer<T> serializer;
    private final DataOutputSerializer scratch = new DataOutputSerializer(256);
    /** Writes records into the current buffer of their channel; its own array takes a record that overflows. */
    private final DataOutputSerializer inPlace = new DataOutputSerializer(256);
    private final Buffer[] current;
    private final int[] position;
    private final boolean flushAlways;

    /**
     * @param partition where buffers go
     * @param channelSelector picks the subpartition of each record
     * @param serializer the element serializer (owned by this writer)
     * @param flushAlways true to send a buffer after every record (a buffer timeout of 0)
     */
    public RecordWriter(ResultPartition partition, ChannelSelector<T> channelSelector,
                        StreamElementSerializer<T> serializer, boolean flushAlways) {
        this.partition = partition;
        this.channelSelector = channelSelector;
        this.serializer = serializer;
        this.current = new Buffer[partition.getNumberOfSubpartitions()];
        this.position = new int[current.length];
        this.flushAlways = flushAlways;
    }

    /**
     * Writes one record to the subpartition its channel selector picks; may block waiting for a buffer
     * (backpressure).
     *
     * @throws Exception if the key selector throws, or serialization fails
     */
    public void emit(StreamRecord<T> record) throws Exception {
        int channel = channelSelector.selectChannel(record.getValue());
        if (channel == ChannelSelector.BROADCAST) {
            scratch.clear();
            scratch.writeInt(0);
            serializer.serializeRecord(record, scratch);
            patchLength();
            for (int c = 0; c < current.length; c++) {
                copyToChannel(c);
            }
        } else {
            emitInPlace(channel, record);
        }
        if (flushAlways) {
            flushAll();
        }
    }

    /** Serializes a record after a length field in the channel's buffer, or copies it if it does not fit. */
    private void emitInPlace(int channel, StreamRecord<T> record) throws Exception {
        Buffer b = current[channel];
        if (b == null) {
            b = partition.getBufferPool().requestBufferBlocking();
            current[channel] = b;
            position[channel] = 0;
        }
        int start = position[channel];
        if (b.capacity() - start < Integer.BYTES + 1) {
            // No room for the length field and a byte: the copying path splits the frame over buffers.
            inPlace.clear();
            serializer.serializeRecord(record, inPlace);
            copyFramed(channel, inPlace.getBuffer(), inPlace.length());
            return;
        }
        byte[] memory = b.getMemory();
        inPlace.wrap(memory, start + Integer.BYTES, b.capacity());
        try {
            serializer.serializeRecord(record, inPlace);
            if (inPlace.writesInPlace()) {
                int end = inPlace.length();
                DataOutputSerializer.putInt(memory, start, end - start - Integer.BYTES);
                position[channel] = end;
                if (end == b.capacity()) {
                    send(channel);
                }
                return;
            }
            // It did not fit: the serializer moved its bytes to its own array, and nothing was committed here.
            copyFramed(channel, inPlace.getBuffer(), inPlace.length());
        } finally {
            inPlace.clear();
        }
    }

    /** Frames {@code bytes[0, length)} with its length and copies the frame into the channel's buffers. */
    private void copyFramed(int channel, byte[] bytes, int length) throws InterruptedException {
        scratch.clear();
        scratch.writeInt(length);
        scratch.write(bytes, 0, length);
        copyToChannel(channel);
    }

    /** Writes an event to every subpartition and flushes them. */
    public void broadcastEvent(StreamElement event) throws IOException, InterruptedException {
        scratch.clear();
        scratch.writeInt(0);
        serializer.serializeEvent(event, scratch);
        patchLength();
        for (int c = 0; c < current.length; c++) {
            copyToChannel(c);
        }
        flushAll();
    }

    private void patchLength() {
        int end = scratch.length();
        scratch.setPosition(0);
        scratch.writeInt(end - 4);
        scratch.setPosition(end);
    }

    private void copyToChannel(int channel) throws InterruptedException {
        byte[] bytes = scratch.getBuffer();
        int offset = 0;
        int remaining = scratch.length();
        while (remaining > 0) {
            Buffer b = current[channel];
            if (b == null) {
                b = partition.getBufferPool().requestBufferBlocking();
                current[channel] = b;
                position[channel] = 0;
            }
            int n = Math.min(remaining, b.capacity() - position[channel]);
            System.arraycopy(bytes, offset, b.getMemory(), position[channel], n);
            position[channel] += n;
            offset += n;
            remaining -= n;
            if (position[channel] == b.capacity()) {
                send(channel);
            }
        }
    }

    private void send(int channel) {
        Buffer b = current[channel];
        b.setSize(position[channel]);
        current[channel] = null;
        partition.getSubpartition(channel).add(b);
    }

    /** Sends every partly filled buffer. */
    public void flushAll() {
        for (int c = 0; c < current.length; c++) {
            if (current[c] != null && position[c] > 0) {
                send(c);
            }
        }
    }

    /** @return true if writing a record would not wait for a buffer */
    public boolean isAvailable() {
        return partition.getBufferPool().isAvailable();
    }

    /** @return a future that completes when a buffer is available */
    public CompletableFuture<Void> getAvailableFuture() {
        return partition.getBufferPool().getAvailableFuture();
    }

    /** Recycles the partly filled buffers without sending them (on failure or cancellation). */
    public void discard() {
        for (int c = 0; c < current.length; c++) {
            if (current[c] != null) {
                current[c].recycle();
                current[c] = null;
            }
        }
    }
}
