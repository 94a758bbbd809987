package io.runnel.api.typeutils;

import io.runnel.annotation.NotThreadSafe;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads the encodings of {@link DataOutputSerializer} from a slice of a byte array, without copying.
 *
 * <p><b>Contract:</b> reading past the end of the slice throws {@link EOFException}.
 *
 * <p><b>Threading:</b> confined to one thread.
 */
@NotThreadSafe
public final class DataInputDeserializer implements DataInputView {

    private byte[] buffer = new byte[0];
    private int position;
    private int end;
    /** Created on the first string read, so that readers of other types do not pay for it. */
    private AsciiStringCache strings;

    /** Creates a deserializer over nothing; call {@link #setBuffer(byte[], int, int)}. */
    public DataInputDeserializer() {
    }

    /** Creates a deserializer over the whole array. */
    public DataInputDeserializer(byte[] bytes) {
        setBuffer(bytes, 0, bytes.length);
    }

    /** Points this reader at {@code bytes[offset, offset + length)}. */
    public void setBuffer(byte[] bytes, int offset, int length) {
        this.buffer = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    /** @return the read position within the backing array */
    public int getPosition() {
        return position;
    }

    /** @return how many bytes remain before the end of the slice */
    public int available() {
        return end - position;
    }

    private void need(int n) throws EOFException {
        if (end - position < n) {
            throw new EOFException("need " + n + " bytes, " + (end - position) + " remain");
        }
    }

    /**
     * Reads {@code length} chars of the one-byte-per-char encoding of {@link StringSerializer} if they are all
     * ASCII, in one pass over the backing array. Short strings that repeat come back as the same instance (see
     * {@link AsciiStringCache}).
     *
     * @return the string, or null (consuming nothing) if a char is not ASCII or the bytes are not all here
     */
    String tryReadAscii(int length) {
        if (end - position < length) {
            return null;
        }
        if (strings == null) {
            strings = new AsciiStringCache();
        }
        String s = strings.read(buffer, position, length);
        if (s != null) {
            position += length;
        }
        return s;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        need(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.min(n, end - position);
        position += skipped;
        return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        need(1);
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        need(2);
        short v = (short) (((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF));
        position += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        need(4);
        int v = getInt(buffer, position);
        position += 4;
        return v;
    }

    /** Reads a big-endian int at {@code offset} of {@code source}. */
    static int getInt(byte[] source, int offset) {
        return (int) DataOutputSerializer.INT_BE.get(source, offset);
    }

    @Override
    public long readLong() throws IOException {
        need(8);
        long v = (long) DataOutputSerializer.LONG_BE.get(buffer, position);
        position += 8;
        return v;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readLine() {
        throw new UnsupportedOperationException("readLine is not supported; use a String serializer");
    }

    @Override
    public String readUTF() throws IOException {
        int len = readUnsignedShort();
        int limit = position + len;
        StringBuilder sb = new StringBuilder(len);
        while (position < limit) {
            sb.append(StringSerializer.readChar(this));
        }
        return sb.toString();
    }

    @Override
    public int readVarInt() throws IOException {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = readByte();
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IOException("malformed varint: more than 5 bytes");
    }
}
