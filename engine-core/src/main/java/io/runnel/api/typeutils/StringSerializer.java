package io.runnel.api.typeutils;

import io.runnel.annotation.Internal;
import java.io.IOException;

/**
 * Serializes {@link String} (null allowed) as a varint of length + 1 (0 for null) and then each char in one byte
 * when it is below 0x80, otherwise in 7-bit groups with a continuation bit (ASCII text costs one byte a char).
 *
 * <p><b>Threading:</b> stateless, immutable.
 */
@Internal
public final class StringSerializer extends TypeSerializer<String> {

    private static final long serialVersionUID = 1L;
    public static final StringSerializer INSTANCE = new StringSerializer();

    @Override
    public void serialize(String value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeVarInt(0);
            return;
        }
        out.writeVarInt(value.length() + 1);
        // Fast path for ASCII text on our own array-backed output (the network and state paths): one bulk pass
        // instead of a virtual call and a capacity check per char. The bytes are the same either way.
        if (out instanceof DataOutputSerializer array && array.tryWriteAscii(value)) {
            return;
        }
        writeChars(value, out);
    }

    @Override
    public String deserialize(DataInputView in) throws IOException {
        int len = in.readVarInt();
        if (len == 0) {
            return null;
        }
        if (in instanceof DataInputDeserializer array) {
            String ascii = array.tryReadAscii(len - 1);
            if (ascii != null) {
                return ascii;
            }
        }
        char[] chars = new char[len - 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = readChar(in);
        }
        return new String(chars);
    }

    static void writeChars(String s, DataOutputView out) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(i);
            while (c >= 0x80) {
                out.write(c | 0x80);
                c >>>= 7;
            }
            out.write(c);
        }
    }

    static char readChar(DataInputView in) throws IOException {
        int c = in.readByte();
        if (c >= 0) {
            return (char) c;
        }
        int result = c & 0x7F;
        for (int shift = 7; shift < 21; shift += 7) {
            c = in.readByte();
            result |= (c & 0x7F) << shift;
            if (c >= 0) {
                return (char) result;
            }
        }
        throw new IOException("malformed char encoding");
    }
}
