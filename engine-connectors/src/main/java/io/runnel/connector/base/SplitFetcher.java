package io.runnel.connector.base;

import io.runnel.annotation.GuardedBy;
import io.runnel.annotation.TaskThread;
import io.runnel.api.connector.source.SourceSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link SplitReader} on a named fetcher thread: applies newly added splits, fetches batches while some
 * split is unfinished, and puts them into the {@link FetchQueue}. After Flink's {@code SplitFetcher}, with the
 * task queue reduced to a list of pending splits.
 *
 * <p><b>Contract:</b> a failure of the split reader is kept in {@link #error()} (the original throwable) and
 * the queue's availability is completed so that the task thread notices it on its next poll; the thread then
 * ends. The fetcher never spins: with no unfinished split it waits on a condition until splits arrive or it is
 * shut down.
 *
 * <p><b>Threading:</b> {@link #start}, {@link #addSplits} and {@link #shutdownAndJoin} are called by the task
 * thread; {@link #run()} is the fetcher thread. Shared fields are guarded by {@code lock}; {@code error} is
 * volatile; {@code assignedSplitIds} is the fetcher thread's only.
 *
 * <p><b>Lifecycle:</b> created, {@link #start}ed once, {@link #shutdownAndJoin} once (the split reader is
 * closed by the fetcher thread as it ends, or by the caller if the thread never started).
 *
 * @param <E> the fetched record type
 * @param <SplitT> the split type
 */
final class SplitFetcher<E, SplitT extends SourceSplit> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SplitFetcher.class);

    /** How long close waits for the thread after waking and interrupting it before it gives up and logs. */
    private static final long JOIN_TIMEOUT_SECONDS = 30;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(JOIN_TIMEOUT_SECONDS);

    private final SplitReader<E, SplitT> splitReader;
    private final FetchQueue<RecordsWithSplitIds<E>> queue;
    private final String threadName;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();

    @GuardedBy("lock")
    private final List<SplitT> pendingSplits = new ArrayList<>();

    @GuardedBy("lock")
    private boolean closed;

    /** Fetcher thread only: splits handed to the split reader that it has not yet reported finished. */
    private final Set<String> assignedSplitIds = new HashSet<>();

    private volatile Throwable error;

    /** Task thread only. */
    private Thread thread;

    SplitFetcher(SplitReader<E, SplitT> splitReader, FetchQueue<RecordsWithSplitIds<E>> queue, String threadName) {
        this.splitReader = splitReader;
        this.queue = queue;
        this.threadName = threadName;
    }

    @TaskThread
    void start() {
        if (thread != null) {
            throw new IllegalStateException("fetcher " + threadName + " already started");
        }
        thread = new Thread(this, threadName);
        // A daemon, so that a fetcher stuck in an uninterruptible read cannot keep the JVM alive.
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands splits to the fetcher thread; they are read after the ones it has. */
    @TaskThread
    void addSplits(List<SplitT> splits) {
        lock.lock();
        try {
            pendingSplits.addAll(splits);
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        splitReader.wakeUp();
    }

    /** @return the failure of the fetcher thread, or null */
    Throwable error() {
        return error;
    }

    /**
     * Stops the fetcher thread and waits for it to end: wakes its waits, interrupts blocking I/O, joins. The join
     * is not cut short by an interrupt of the calling thread (a cancelled task's thread is interrupted before it
     * closes its reader): the interrupt is remembered and the caller's interrupt flag is set again once the
     * fetcher thread has ended or {@value #JOIN_TIMEOUT_SECONDS} seconds have passed.
     */
    @TaskThread
    void shutdownAndJoin() {
        lock.lock();
        try {
            closed = true;
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        queue.close();
        if (thread == null) {
            closeSplitReader();
            return;
        }
        splitReader.wakeUp();
        thread.interrupt();
        joinIgnoringInterrupts();
        if (thread.isAlive()) {
            LOG.warn("Fetcher thread {} did not end within {}; leaving it behind (it is a daemon)",
                    threadName, JOIN_TIMEOUT);
        }
    }

    /** Joins the fetcher thread for up to {@link #JOIN_TIMEOUT}; an interrupt is re-set on return. */
    private void joinIgnoringInterrupts() {
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        boolean interrupted = false;
        try {
            long remainingMillis = JOIN_TIMEOUT.toMillis();
            while (thread.isAlive() && remainingMillis > 0) {
                try {
                    thread.join(remainingMillis);
                } catch (InterruptedException e) {
                    // Keep waiting: returning now would leave the fetcher thread running after close.
                    interrupted = true;
                }
                remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        LOG.debug("Fetcher thread {} started", threadName);
        try {
            while (runOnce()) {
                // Each round applies new splits, fetches one batch and hands it over.
                continue;
            }
        } catch (Throwable t) {
            handleFailure(t);
        } finally {
            closeSplitReader();
            LOG.debug("Fetcher thread {} ended", threadName);
        }
    }

    /** @return false when the fetcher is shut down */
    private boolean runOnce() throws Exception {
        List<SplitT> newSplits = awaitWork();
        if (newSplits == null) {
            return false;
        }
        if (!newSplits.isEmpty()) {
            splitReader.handleSplitsChanges(newSplits);
            newSplits.forEach(s -> assignedSplitIds.add(s.splitId()));
        }
        RecordsWithSplitIds<E> batch = splitReader.fetch();
        assignedSplitIds.removeAll(batch.finishedSplits());
        if (RecordsBySplits.isEmpty(batch)) {
            return true;
        }
        return queue.put(batch);
    }

    /** @return the splits added since the last call (maybe none), or null once shut down */
    private List<SplitT> awaitWork() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && pendingSplits.isEmpty() && assignedSplitIds.isEmpty()) {
                workAvailable.await();
            }
            if (closed) {
                return null;
            }
            List<SplitT> added = new ArrayList<>(pendingSplits);
            pendingSplits.clear();
            return added;
        } finally {
            lock.unlock();
        }
    }

    private void handleFailure(Throwable t) {
        if (isClosed()) {
            // Interrupting blocking I/O at shutdown makes readers throw; that is the expected way out.
            LOG.debug("Fetcher thread {} ended with {} while shutting down", threadName, t.toString());
            return;
        }
        LOG.error("Fetcher thread {} failed; the task fails on its next poll", threadName, t);
        error = t;
        queue.notifyAvailable();
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void closeSplitReader() {
        try {
            splitReader.close();
        } catch (Exception e) {
            LOG.warn("Closing the split reader of {} failed", threadName, e);
        }
    }
}
