package io.runnel.runtime.network;

import io.runnel.annotation.GuardedBy;
import io.runnel.annotation.ThreadSafe;
import io.runnel.runtime.tasks.CancelTaskException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded pool of network buffers for one task's output. It is the mechanism of backpressure: when consumers
 * are slow, the producer's buffers sit in their queues, the pool runs dry, and the producer waits for a recycled
 * buffer instead of allocating more. Memory use is bounded by {@code maxBuffers * bufferSizeBytes}.
 *
 * <p>Buffers are allocated lazily up to {@code maxBuffers} and reused afterwards.
 *
 * <p><b>Threading:</b> thread-safe (guarded by {@code lock}). The producer's task thread requests buffers;
 * consumer task threads recycle them; any thread may destroy the pool.
 */
@ThreadSafe
public final class BufferPool {

    private final int bufferSizeBytes;
    private final int maxBuffers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition bufferRecycled = lock.newCondition();
    @GuardedBy("lock")
    private final ArrayDeque<Buffer> available = new ArrayDeque<>();
    @GuardedBy("lock")
    private int allocated;
    @GuardedBy("lock")
    private int inUse;
    @GuardedBy("lock")
    private int maxInUse;
    @GuardedBy("lock")
    private boolean destroyed;
    @GuardedBy("lock")
    private CompletableFuture<Void> availability = CompletableFuture.completedFuture(null);

    /**
     * @param bufferSizeBytes size of each buffer in bytes
     * @param maxBuffers the most buffers that exist at once
     */
    public BufferPool(int bufferSizeBytes, int maxBuffers) {
        if (maxBuffers < 1) {
            throw new IllegalArgumentException("a buffer pool needs at least one buffer");
        }
        this.bufferSizeBytes = bufferSizeBytes;
        this.maxBuffers = maxBuffers;
    }

    /**
     * @return a buffer, waiting for one to be recycled if all are in use
     * @throws CancelTaskException if the pool is destroyed (the task is being cancelled) while waiting
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Buffer requestBufferBlocking() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Buffer b = takeLocked();
                if (b != null) {
                    return b;
                }
                bufferRecycled.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return a buffer, or null if all are in use; never blocks */
    public Buffer tryRequestBuffer() {
        lock.lock();
        try {
            return takeLocked();
        } finally {
            lock.unlock();
        }
    }

    @GuardedBy("lock")
    private Buffer takeLocked() {
        if (destroyed) {
            throw new CancelTaskException("the buffer pool was destroyed: the task is being cancelled");
        }
        Buffer b = available.poll();
        if (b == null && allocated < maxBuffers) {
            allocated++;
            b = new Buffer(bufferSizeBytes, this);
        }
        if (b != null) {
            inUse++;
            maxInUse = Math.max(maxInUse, inUse);
            if (available.isEmpty() && allocated == maxBuffers && availability.isDone()) {
                availability = new CompletableFuture<>();
            }
        }
        return b;
    }

    void recycle(Buffer buffer) {
        CompletableFuture<Void> toComplete = null;
        lock.lock();
        try {
            inUse--;
            if (destroyed) {
                return;
            }
            available.add(buffer);
            bufferRecycled.signal();
            if (!availability.isDone()) {
                // Swap under the lock, so that a taker who empties the pool again creates a fresh future instead
                // of seeing this one, which is about to complete, and spinning on it.
                toComplete = availability;
                availability = CompletableFuture.completedFuture(null);
            }
        } finally {
            lock.unlock();
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    /** @return true if a request would not block now */
    public boolean isAvailable() {
        lock.lock();
        try {
            return !available.isEmpty() || allocated < maxBuffers || destroyed;
        } finally {
            lock.unlock();
        }
    }

    /** @return a future that completes when a buffer can be had without blocking */
    public CompletableFuture<Void> getAvailableFuture() {
        lock.lock();
        try {
            return isAvailable() ? CompletableFuture.completedFuture(null) : availability;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter with {@link CancelTaskException}; later recycles drop their buffers. */
    public void destroy() {
        CompletableFuture<Void> toComplete;
        lock.lock();
        try {
            destroyed = true;
            available.clear();
            bufferRecycled.signalAll();
            toComplete = availability;
        } finally {
            lock.unlock();
        }
        toComplete.complete(null);
    }

    /** @return the most buffers that were in use at once since creation */
    public int getMaxBuffersInUse() {
        lock.lock();
        try {
            return maxInUse;
        } finally {
            lock.unlock();
        }
    }

    /** @return the pool's capacity in buffers */
    public int getMaxBuffers() {
        return maxBuffers;
    }

    /** @return the size of each buffer in bytes */
    public int getBufferSizeBytes() {
        return bufferSizeBytes;
    }
}
