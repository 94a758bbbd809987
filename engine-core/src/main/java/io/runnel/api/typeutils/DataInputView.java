package io.runnel.api.typeutils;

import java.io.DataInput;
import java.io.IOException;

/**
 * The source serializers read from: {@link DataInput} (big-endian) plus the compact encodings of
 * {@link DataOutputView}.
 *
 * <p><b>Threading:</b> implementations are confined to one thread.
 */
public interface DataInputView extends DataInput {

    /** Reads an int written by {@link DataOutputView#writeVarInt(int)}. */
    int readVarInt() throws IOException;
}
