package io.runnel.api.typeutils;

import java.io.DataOutput;
import java.io.IOException;

/**
 * The sink serializers write to: {@link DataOutput} (big-endian) plus a few compact encodings.
 *
 * <p><b>Threading:</b> implementations are confined to one thread.
 */
public interface DataOutputView extends DataOutput {

    /**
     * Writes a non-negative int in 1 to 5 bytes, 7 bits per byte, low bits first.
     *
     * @throws IllegalArgumentException if {@code value < 0}
     */
    void writeVarInt(int value) throws IOException;
}
