package io.runnel.runtime.io;

import io.runnel.annotation.NotThreadSafe;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.runtime.network.Buffer;

/**
 * The frame deserializers of all channels of one input gate: each channel's byte stream is cut into frames
 * independently, since a frame may span two buffers of the same channel.
 *
 * <p><b>Threading:</b> consumer task thread only.
 */
@NotThreadSafe
public final class ChannelFrames {

    private final FrameDeserializer[] channels;

    /** @param numberOfChannels the gate's channel count */
    public ChannelFrames(int numberOfChannels) {
        this.channels = new FrameDeserializer[numberOfChannels];
        for (int i = 0; i < numberOfChannels; i++) {
            channels[i] = new FrameDeserializer();
        }
    }

    /** Hands channel {@code channel} its next buffer; the previous one must be used up. */
    public void setNextBuffer(int channel, Buffer buffer) {
        channels[channel].setNextBuffer(buffer);
    }

    /**
     * @return the next complete frame of the channel (valid until the next call), or null when its buffer is used
     *     up
     */
    public DataInputDeserializer nextFrame(int channel) {
        return channels[channel].nextFrame();
    }

    /** Recycles the buffers held (on shutdown). */
    public void clear() {
        for (FrameDeserializer d : channels) {
            d.clear();
        }
    }
}
