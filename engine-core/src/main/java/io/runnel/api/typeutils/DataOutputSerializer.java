package io.runnel.api.typeutils;

import io.runnel.annotation.NotThreadSafe;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array that serializers write into; {@link #getBuffer()} and {@link #length()} give the bytes.
 *
 * <p>It can also {@linkplain #wrap write into a caller's array} (a network buffer) from a given offset, so that a
 * record needs no copy from a scratch array into the buffer. That copy was a third of a source task's time for
 * W3's 30-byte records: the wide loads of the copy read bytes that narrow stores had just written, which the
 * processor cannot forward from its store buffer, so each copy waited for the stores to reach the cache. When the
 * caller's array runs out, the bytes written since the wrap move to this serializer's own array and writing goes on
 * there ({@link #writesInPlace()} turns false).
 *
 * <p><b>Contract:</b> big-endian, like {@link java.io.DataOutputStream}; never throws {@link IOException} in
 * practice (the declared exception comes from {@link java.io.DataOutput}).
 *
 * <p><b>Threading:</b> confined to one thread; the record writers keep one per task.
 */
@NotThreadSafe
public final class DataOutputSerializer implements DataOutputView {

    /** Big-endian int and long views of a byte array: one bounds check and one store instead of one per byte. */
    static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buffer;
    private int position;
    /** Writes must stay below this: {@code buffer.length}, or the end given to {@link #wrap}. */
    private int limit;
    /** This serializer's own array while {@link #buffer} is a wrapped one. */
    private byte[] own;
    /** Where writing into the wrapped array began; meaningful while {@link #wrapped}. */
    private int wrapStart;
    private boolean wrapped;
    /** Bytes by which spills moved written data back, for back-patches within one write method. */
    private int shifted;

    /** Creates a serializer with the given initial capacity in bytes. */
    public DataOutputSerializer(int initialCapacityBytes) {
        this.buffer = new byte[Math.max(16, initialCapacityBytes)];
        this.limit = buffer.length;
    }

    /**
     * @return the backing array; valid bytes are {@code [0, length())}, or, while {@link #writesInPlace()}, the
     *     wrapped array, whose bytes since the wrap are {@code [start, length())}
     */
    public byte[] getBuffer() {
        return buffer;
    }

    /** @return the number of bytes written since the last {@link #clear()}, or the end position in a wrapped array */
    public int length() {
        return position;
    }

    /** Forgets the written bytes and ends a {@link #wrap}; keeps the capacity of its own array. */
    public void clear() {
        if (wrapped) {
            buffer = own;
            limit = own.length;
            wrapped = false;
        }
        position = 0;
    }

    /**
     * Writes the next bytes into {@code target} from {@code start}, keeping below {@code end}; a write that would
     * pass {@code end} first moves the bytes written since {@code start} to index 0 of this serializer's own array
     * and continues there. {@link #clear()} ends the wrap.
     *
     * @param target the caller's array (this serializer never keeps it past {@link #clear()})
     * @param start the first index to write, at most {@code end}
     * @param end one past the last index this serializer may write, at most {@code target.length}
     * @throws IllegalArgumentException if the range is not within {@code target}
     */
    public void wrap(byte[] target, int start, int end) {
        if (start < 0 || start > end || end > target.length) {
            throw new IllegalArgumentException("range [" + start + ", " + end + ") is not within an array of "
                    + target.length + " bytes");
        }
        if (!wrapped) {
            own = buffer;
        }
        buffer = target;
        position = start;
        limit = end;
        wrapStart = start;
        wrapped = true;
    }

    /** @return true if every byte since the last {@link #wrap} went into the wrapped array */
    public boolean writesInPlace() {
        return wrapped;
    }

    /** Moves the write position, e.g. to patch a length field written earlier. */
    public void setPosition(int newPosition) {
        ensure(newPosition - position);
        position = newPosition;
    }

    /** @return a copy of the written bytes */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    private void ensure(int extra) {
        if (position + extra > limit) {
            grow(extra);
        }
    }

    private void grow(int extra) {
        if (!wrapped) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + extra));
            limit = buffer.length;
            return;
        }
        // Spill: the bytes since the wrap move to the front of an array of our own, and writing goes on there.
        int written = position - wrapStart;
        byte[] target = own.length >= written + extra ? own : new byte[Math.max(own.length * 2, written + extra)];
        System.arraycopy(buffer, wrapStart, target, 0, written);
        shifted += wrapStart;
        buffer = target;
        limit = target.length;
        position = written;
        wrapped = false;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        putInt(buffer, position, v);
        position += 4;
    }

    /**
     * Writes {@code v} big-endian at {@code offset} of {@code target}, as {@link #writeInt} would: for a length
     * field written after its contents.
     *
     * @throws IndexOutOfBoundsException if the four bytes are not within {@code target}
     */
    public static void putInt(byte[] target, int offset, int v) {
        INT_BE.set(target, offset, v);
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        LONG_BE.set(buffer, position, v);
        position += 8;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer[position++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }

    @Override
    public void writeUTF(String s) throws IOException {
        int shiftedBefore = shifted;
        int start = position;
        writeShort(0);
        StringSerializer.writeChars(s, this);
        // A spill in between moved the length field back.
        start -= shifted - shiftedBefore;
        int len = position - start - 2;
        if (len > 65535) {
            throw new UTFDataFormatException("encoded string too long: " + len + " bytes");
        }
        buffer[start] = (byte) (len >>> 8);
        buffer[start + 1] = (byte) len;
    }

    /**
     * Writes {@code s} one byte per char if every char is ASCII, in one pass.
     *
     * @return false (writing nothing) if some char is not ASCII
     */
    boolean tryWriteAscii(String s) {
        int len = s.length();
        ensure(len);
        int p = position;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            buffer[p + i] = (byte) c;
        }
        position = p + len;
        return true;
    }

    @Override
    public void writeVarInt(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("writeVarInt takes a non-negative int, got " + value);
        }
        ensure(5);
        while (value >= 0x80) {
            buffer[position++] = (byte) (value | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }
}
