package io.runnel.runtime.network;

import io.runnel.annotation.GuardedBy;
import io.runnel.annotation.ThreadSafe;
import java.util.ArrayDeque;

/**
 * The queue of finished buffers from one producer subtask to one consumer subtask (Flink's pipelined
 * subpartition). The producer adds buffers; the consumer's channel polls them. Its length is bounded because the
 * producer's {@link BufferPool} is.
 *
 * <p><b>Threading:</b> thread-safe (guarded by {@code this}). The producer task thread adds; the consumer task
 * thread polls; either side's task (on failure or cancellation) or the TaskManager (when the job ends) releases.
 */
@ThreadSafe
public final class ResultSubpartition {

    @GuardedBy("this")
    private final ArrayDeque<Buffer> buffers = new ArrayDeque<>();
    @GuardedBy("this")
    private BufferAvailabilityListener listener;
    @GuardedBy("this")
    private boolean released;

    /** Adds a filled buffer; notifies the consumer if the queue was empty. */
    public void add(Buffer buffer) {
        BufferAvailabilityListener toNotify = null;
        boolean drop;
        synchronized (this) {
            // Decided under the lock: a release between adding and checking would otherwise recycle twice.
            drop = released;
            if (!drop) {
                buffers.add(buffer);
                toNotify = buffers.size() == 1 ? listener : null;
            }
        }
        if (drop) {
            buffer.recycle();
        } else if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    /** @return the next buffer, or null if none is queued */
    public synchronized Buffer poll() {
        return buffers.poll();
    }

    /** @return true if buffers are queued */
    public synchronized boolean hasData() {
        return !buffers.isEmpty();
    }

    /** Connects the consumer; it is notified right away if data is already queued. */
    public void setListener(BufferAvailabilityListener newListener) {
        boolean hasData;
        synchronized (this) {
            listener = newListener;
            hasData = !buffers.isEmpty();
        }
        if (hasData) {
            newListener.notifyDataAvailable();
        }
    }

    /** Drops and recycles every queued buffer; later buffers are recycled on arrival. */
    public void release() {
        ArrayDeque<Buffer> toRecycle;
        synchronized (this) {
            released = true;
            toRecycle = new ArrayDeque<>(buffers);
            buffers.clear();
        }
        toRecycle.forEach(Buffer::recycle);
    }
}
