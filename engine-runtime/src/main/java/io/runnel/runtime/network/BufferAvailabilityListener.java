package io.runnel.runtime.network;

/**
 * Told by a subpartition when it goes from empty to non-empty.
 *
 * <p><b>Threading:</b> called on the producer's task thread (or whichever thread connects the channel), with no
 * subpartition lock held; implementations must be thread-safe and must not block.
 */
public interface BufferAvailabilityListener {

    /** The subpartition has a buffer to read. */
    void notifyDataAvailable();
}
