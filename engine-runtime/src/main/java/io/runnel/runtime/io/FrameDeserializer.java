package io.runnel.runtime.io;

import io.runnel.annotation.NotThreadSafe;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.runtime.network.Buffer;
import java.util.Arrays;

/**
 * Cuts the byte stream of one input channel back into frames ({@code [length:int][bytes]}, written by
 * {@code RecordWriter}). A frame that lies inside the current buffer is read in place; one that spans buffers is
 * gathered into a spill array first. A buffer is recycled on the call after the one that consumed its last byte
 * (a frame read in place must stay valid until the caller has deserialized it), or as soon as its tail has been
 * copied into the spill array.
 *
 * <p><b>Threading:</b> consumer task thread only.
 */
@NotThreadSafe
final class FrameDeserializer {

    private final DataInputDeserializer view = new DataInputDeserializer();
    private Buffer buffer;
    private int position;
    private byte[] spill = new byte[64];
    private int spillLength;

    /** Hands over the channel's next buffer; the previous one must have been fully consumed. */
    void setNextBuffer(Buffer next) {
        this.buffer = next;
        this.position = 0;
    }

    /**
     * @return a view positioned at the next complete frame's bytes, or null when the buffer is used up and has
     *     been recycled (the rest
     *     of a spanning frame waits for the next buffer). The view is valid until the next call.
     */
    DataInputDeserializer nextFrame() {
        if (buffer == null) {
            return null;
        }
        if (position == buffer.getSize()) {
            // Recycled only now: the previous frame may have been read in place from this buffer.
            recycleIfConsumed();
            return null;
        }
        if (spillLength > 0) {
            return continueSpill();
        }
        int remaining = buffer.getSize() - position;
        byte[] mem = buffer.getMemory();
        if (remaining >= 4) {
            int len = getInt(mem, position);
            if (remaining - 4 >= len) {
                view.setBuffer(mem, position + 4, len);
                position += 4 + len;
                return view;
            }
        }
        appendToSpill(remaining);
        return null;
    }

    private DataInputDeserializer continueSpill() {
        if (spillLength < 4) {
            appendToSpill(Math.min(4 - spillLength, buffer.getSize() - position));
            if (spillLength < 4) {
                return null;
            }
        }
        int total = 4 + getInt(spill, 0);
        if (spill.length < total) {
            spill = Arrays.copyOf(spill, Math.max(total, spill.length * 2));
        }
        appendToSpill(Math.min(total - spillLength, buffer == null ? 0 : buffer.getSize() - position));
        if (spillLength < total) {
            return null;
        }
        view.setBuffer(spill, 4, total - 4);
        spillLength = 0;
        return view;
    }

    private void appendToSpill(int n) {
        if (n == 0) {
            return;
        }
        if (spill.length < spillLength + n) {
            spill = Arrays.copyOf(spill, Math.max(spillLength + n, spill.length * 2));
        }
        System.arraycopy(buffer.getMemory(), position, spill, spillLength, n);
        spillLength += n;
        position += n;
        recycleIfConsumed();
    }

    private void recycleIfConsumed() {
        if (buffer != null && position == buffer.getSize()) {
            buffer.recycle();
            buffer = null;
        }
    }

    private static int getInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    /** Recycles the current buffer, if any (on shutdown). */
    void clear() {
        if (buffer != null) {
            buffer.recycle();
            buffer = null;
        }
        spillLength = 0;
    }
}
