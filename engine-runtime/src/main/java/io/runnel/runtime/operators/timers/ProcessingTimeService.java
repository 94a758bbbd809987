package io.runnel.runtime.operators.timers;

import io.runnel.annotation.ThreadSafe;
import io.runnel.runtime.tasks.mailbox.MailboxExecutor;
import io.runnel.runtime.tasks.mailbox.TaskMailbox;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The wall clock of a task and callbacks at wall-clock times. The TaskManager's timer thread only enqueues a mail
 * when a time is reached; the callback itself runs on the task thread, between records, so operators never see
 * a timer concurrently with {@code processElement} (as with Flink's mailbox-based processing-time service).
 *
 * <p><b>Threading:</b> thread-safe; callbacks run on the task thread.
 */
@ThreadSafe
public final class ProcessingTimeService {

    /** Code run on the task thread when a processing time is reached. */
    @FunctionalInterface
    public interface Callback {
        /**
         * @param time the time the callback was registered for, in ms since the epoch
         * @throws Exception to fail the task
         */
        void onProcessingTime(long time) throws Exception;
    }

    private final ScheduledExecutorService timerThread;
    private final MailboxExecutor mailbox;
    private final LongSupplier clockMillis;
    /** Set by the task thread once the operators finished; read by the task thread when a timer's mail runs. */
    private volatile boolean quiesced;

    /**
     * @param timerThread the TaskManager's timer thread
     * @param mailbox the task's mailbox, where callbacks run
     */
    public ProcessingTimeService(ScheduledExecutorService timerThread, MailboxExecutor mailbox) {
        this(timerThread, mailbox, System::currentTimeMillis);
    }

    /**
     * A service on another clock: the operator test harness ({@code io.runnel.testing}) passes a manual clock and
     * a timer thread that runs scheduled callbacks when the test advances that clock, so timers fire exactly.
     *
     * @param timerThread runs the enqueueing of callbacks after their delay (ms of {@code clockMillis})
     * @param mailbox the task's mailbox, where callbacks run
     * @param clockMillis the current processing time in ms since the epoch; must be thread-safe
     */
    public ProcessingTimeService(ScheduledExecutorService timerThread, MailboxExecutor mailbox,
                                 LongSupplier clockMillis) {
        this.timerThread = timerThread;
        this.mailbox = mailbox;
        this.clockMillis = clockMillis;
    }

    /** @return the current processing time in ms since the epoch (the wall clock, unless a test set a clock) */
    public long getCurrentProcessingTime() {
        return clockMillis.getAsLong();
    }

    /**
     * Runs {@code callback} on the task thread once the wall clock reaches {@code time} (at once if it has).
     *
     * @param time ms since the epoch
     * @return a handle that cancels the callback if it has not been enqueued yet
     */
    public ScheduledFuture<?> registerTimer(long time, Callback callback) {
        long delay = Math.max(0, time - getCurrentProcessingTime());
        return timerThread.schedule(() -> enqueue(time, callback), delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops firing: callbacks not yet run are dropped. The task calls it once its operators finished, since a
     * timer firing after the end of data would emit records its consumers no longer accept (Flink quiesces its
     * processing-time service at the same point). Task thread.
     */
    public void quiesce() {
        quiesced = true;
    }

    private void enqueue(long time, Callback callback) {
        if (quiesced) {
            return;
        }
        try {
            mailbox.execute(() -> {
                if (!quiesced) {
                    callback.onProcessingTime(time);
                }
            }, "processing-time timer at %d", time);
        } catch (TaskMailbox.MailboxClosedException | RejectedExecutionException e) {
            // The task has ended (finished, failed or cancelled): a timer due now has nobody left to fire on.
            return;
        }
    }
}
