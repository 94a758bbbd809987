package io.runnel.runtime.network;

/**
 * A fixed-size piece of memory holding serialized stream elements on their way from a producer task to a
 * consumer task. Owned by the producer's {@link BufferPool}; the consumer hands it back with {@link #recycle()}.
 *
 * <p><b>Threading:</b> written by the producer's task thread, then handed over (through a lock) to the consumer's
 * task thread, which reads it and recycles it. Never used by two threads at once.
 */
public final class Buffer {

    private final byte[] memory;
    private final BufferPool owner;
    private int size;

    Buffer(int sizeBytes, BufferPool owner) {
        this.memory = new byte[sizeBytes];
        this.owner = owner;
    }

    /** @return the backing array; valid bytes are {@code [0, getSize())} */
    public byte[] getMemory() {
        return memory;
    }

    /** @return the number of valid bytes */
    public int getSize() {
        return size;
    }

    /** Sets the number of valid bytes. */
    public void setSize(int sizeBytes) {
        this.size = sizeBytes;
    }

    /** @return the capacity in bytes */
    public int capacity() {
        return memory.length;
    }

    /** Returns the buffer to its pool; the caller must not touch it afterwards. */
    public void recycle() {
        size = 0;
        owner.recycle(this);
    }
}
