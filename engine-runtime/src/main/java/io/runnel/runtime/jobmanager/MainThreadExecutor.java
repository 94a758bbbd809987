package io.runnel.runtime.jobmanager;

import io.runnel.annotation.ThreadSafe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's single main thread. The scheduler, the execution graph and the coordinators change only on it,
 * so they need no locks; every other thread hands work over with {@link #execute(Runnable)}.
 *
 * <p><b>Threading:</b> thread-safe; {@link #assertRunningInMainThread()} checks the caller.
 */
@ThreadSafe
public final class MainThreadExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MainThreadExecutor.class);

    private final ScheduledExecutorService executor;
    private volatile Thread thread;

    /** @param name the thread's name */
    public MainThreadExecutor(String name) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            thread = t;
            return t;
        });
        // Timers (checkpoint timeouts, restart delays) must not hold up shutdown.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    /** Runs {@code action} on the main thread; an exception it throws is logged, never lost silently. */
    public void execute(Runnable action) {
        try {
            executor.execute(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.error("Unexpected error on the JobManager main thread", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // The cluster is shutting down: late reports of tasks being cancelled have no one to go to.
            LOG.debug("JobManager main thread is shut down; dropping an action", e);
        }
    }

    /**
     * Runs {@code action} on the main thread after {@code delayMillis}; an exception it throws is logged.
     *
     * @return the handle to cancel it
     */
    public ScheduledFuture<?> schedule(Runnable action, long delayMillis) {
        return executor.schedule(logging(action), delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code action} on the main thread every {@code periodMillis}, first after {@code initialDelayMillis}.
     *
     * @return the handle to cancel it
     */
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable action, long initialDelayMillis, long periodMillis) {
        return executor.scheduleAtFixedRate(logging(action), initialDelayMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private static Runnable logging(Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("Unexpected error on the JobManager main thread", e);
            }
        };
    }

    /** @return a future of {@code supplier}'s result, computed on the main thread */
    public <T> CompletableFuture<T> supply(Supplier<T> supplier) {
        return CompletableFuture.supplyAsync(supplier, executor);
    }

    /** @throws IllegalStateException if the caller is not the main thread */
    public void assertRunningInMainThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("must run on the JobManager main thread, not on "
                    + Thread.currentThread().getName());
        }
    }

    /** Stops the thread after the queued actions; waits up to 10 s. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
