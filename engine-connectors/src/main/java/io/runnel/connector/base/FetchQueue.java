package io.runnel.connector.base;

import io.runnel.annotation.GuardedBy;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The small bounded queue through which the fetcher thread hands batches to the task thread; its availability
 * future tells the task when to poll again. After Flink's {@code FutureCompletingBlockingQueue}.
 *
 * <p><b>Contract:</b> the availability future is complete whenever the queue is non-empty or
 * {@link #notifyAvailable()} was called since the consumer last found the queue empty; it is replaced by a fresh
 * one only inside {@link #poll()}, when the queue is empty and the old future is done. So a wake-up signalled
 * between the consumer's last check and its wait is never lost: the consumer re-checks its conditions after
 * {@code poll()} (which is the only place the future is reset) and before it returns "nothing available".
 * Spurious completions are allowed.
 *
 * <p><b>Threading:</b> thread-safe (guarded by {@code lock}); {@link #put} by the fetcher thread, {@link #poll}
 * by the task thread. Futures are completed outside the lock, because their callbacks run on the completing
 * thread and may call back into the reader.
 *
 * <p><b>Lifecycle:</b> {@link #close()} makes a blocked and every later {@link #put} return false.
 *
 * @param <T> the element type
 */
final class FetchQueue<T> {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();

    @GuardedBy("lock")
    private final ArrayDeque<T> queue = new ArrayDeque<>();

    @GuardedBy("lock")
    private CompletableFuture<Void> availability = new CompletableFuture<>();

    @GuardedBy("lock")
    private boolean closed;

    FetchQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Adds an element, waiting while the queue is full (this wait is the back-pressure on the fetcher).
     *
     * @return true if added, false if the queue was closed
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    boolean put(T element) throws InterruptedException {
        CompletableFuture<Void> toComplete;
        lock.lockInterruptibly();
        try {
            while (queue.size() >= capacity && !closed) {
                notFull.await();
            }
            if (closed) {
                return false;
            }
            queue.addLast(element);
            toComplete = availability;
        } finally {
            lock.unlock();
        }
        toComplete.complete(null);
        return true;
    }

    /** @return the head of the queue, or null if it is empty; never blocks */
    T poll() {
        lock.lock();
        try {
            T head = queue.pollFirst();
            if (head != null) {
                notFull.signal();
            }
            if (queue.isEmpty() && availability.isDone()) {
                availability = new CompletableFuture<>();
            }
            return head;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** @return a future that completes when the queue has an element or someone calls {@link #notifyAvailable} */
    CompletableFuture<Void> getAvailabilityFuture() {
        lock.lock();
        try {
            return availability;
        } finally {
            lock.unlock();
        }
    }

    /** Completes the current availability future, so the consumer polls again (error, no more splits, close). */
    void notifyAvailable() {
        CompletableFuture<Void> toComplete;
        lock.lock();
        try {
            toComplete = availability;
        } finally {
            lock.unlock();
        }
        toComplete.complete(null);
    }

    /** Wakes a blocked {@link #put} and rejects later ones; the elements stay pollable. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        notifyAvailable();
    }
}
