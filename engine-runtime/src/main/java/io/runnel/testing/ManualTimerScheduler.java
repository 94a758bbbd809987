package io.runnel.testing;

import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A manual clock plus the "timer thread" of the harness's {@code ProcessingTimeService}: nothing runs on its own;
 * scheduled actions run on the calling thread when {@link #runNextDue()} is called after the clock moved past
 * their due time. Due time = clock at scheduling + delay; ties run in scheduling order, so firing is
 * deterministic.
 *
 * <p><b>Contract:</b> only one-shot {@code schedule} and {@code execute} are supported (all the processing-time
 * service uses); periodic scheduling throws {@link UnsupportedOperationException}. The clock never goes back.
 *
 * <p><b>Threading:</b> owned by the harness's thread; {@link #now()} may be read from any thread.
 */
final class ManualTimerScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** Owner: harness thread (written), any thread (read). Processing time in ms since the epoch. */
    private volatile long nowMillis;
    /** Owner: harness thread. */
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    /** Owner: harness thread. Breaks ties between tasks due at the same ms. */
    private long nextSequence;
    /** Owner: harness thread. */
    private boolean shutdown;

    ManualTimerScheduler(long startMillis) {
        this.nowMillis = startMillis;
    }

    /** @return the current processing time in ms */
    long now() {
        return nowMillis;
    }

    /**
     * Moves the clock; runs nothing (see {@link #runNextDue()}).
     *
     * @throws IllegalArgumentException if {@code timeMillis} is before the current time
     */
    void advanceTo(long timeMillis) {
        if (timeMillis < nowMillis) {
            throw new IllegalArgumentException("Processing time cannot go back: it is " + nowMillis
                    + " ms, asked for " + timeMillis + " ms");
        }
        nowMillis = timeMillis;
    }

    /**
     * Runs the earliest action that is due at the current time, if any.
     *
     * @return true if one ran
     */
    boolean runNextDue() {
        Task task;
        while ((task = queue.peek()) != null && task.dueMillis <= nowMillis) {
            queue.poll();
            if (!task.cancelled) {
                task.done = true;
                task.action.run();
                return true;
            }
        }
        return false;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new RejectedExecutionException("the harness is closed");
        }
        Task task = new Task(nowMillis + Math.max(0, unit.toMillis(delay)), nextSequence++, command);
        queue.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the harness's timer thread runs only Runnables");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("the harness's timer thread has no periodic actions");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        throw new UnsupportedOperationException("the harness's timer thread has no periodic actions");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> rest = queue.stream().filter(t -> !t.cancelled).map(t -> t.action).toList();
        queue.clear();
        return rest;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }

    /** One scheduled action; its future. Harness thread only. */
    private final class Task implements ScheduledFuture<Object> {
        private final long dueMillis;
        private final long sequence;
        private final Runnable action;
        private boolean cancelled;
        private boolean done;

        Task(long dueMillis, long sequence, Runnable action) {
            this.dueMillis = dueMillis;
            this.sequence = sequence;
            this.action = action;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueMillis - nowMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task o = (Task) other;
            int byTime = Long.compare(dueMillis, o.dueMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done || cancelled) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
