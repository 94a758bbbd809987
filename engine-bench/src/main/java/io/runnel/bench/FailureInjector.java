package io.runnel.bench;

import io.runnel.annotation.TaskThread;
import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.functions.MapFunction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * W5's and W6's failure: passes every record through and throws {@link InjectedFailure} once per run, on the record at
 * which its subtask has passed {@code failAfter} records, chained right behind the source so that it sees the
 * records in index order. At parallelism 1 that is the record of index {@code failAfter}.
 *
 * <p><b>Contract:</b> exactly one failure per run id, whatever the restarts: after the restore the source replays
 * the records since the checkpoint and every new instance counts from 0 again, so whether the run has failed is
 * kept outside the job, in a static map keyed by the run id ({@link #arm} before the job, {@link #disarm} after
 * it, both on the fork's main thread). The same {@link Run} records, for the report, how many checkpoints
 * completed before the failure, when it was thrown, and when the first record after the restart passed through
 * ({@link System#nanoTime()}): the bench's own view of the recovery, from the throw rather than from the moment
 * the JobManager saw the failure.
 *
 * <p><b>Threading:</b> each instance is task-thread only; {@link Run} is thread-safe (atomics), since the failed
 * attempt's and the new attempt's task threads and the fork's main thread all touch it.
 *
 * @param <T> the record type
 */
final class FailureInjector<T> implements MapFunction<T, T>, CheckpointListener {

    private static final long serialVersionUID = 1L;

    /** Runs in progress in this JVM, by run id. */
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    /** What one run's instances share. Threading: thread-safe. */
    static final class Run {
        private final AtomicBoolean failed = new AtomicBoolean();
        private final AtomicInteger checkpointsBeforeFailure = new AtomicInteger();
        private final AtomicLong failureNanoTime = new AtomicLong();
        private final AtomicLong firstRecordAfterFailureNanoTime = new AtomicLong();

        /** @return whether the failure was thrown */
        boolean failed() {
            return failed.get();
        }

        /** @return checkpoints that completed (as the failing subtask was told) before the failure */
        int checkpointsBeforeFailure() {
            return checkpointsBeforeFailure.get();
        }

        /** @return ns from the throw to the first record after the restart at this step, or -1 if unknown */
        long throwToFirstRecordNanos() {
            long first = firstRecordAfterFailureNanoTime.get();
            return first == 0 ? -1 : first - failureNanoTime.get();
        }
    }

    /** The failure W5 injects. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

    private final String runId;
    private final long failAfter;
    /** Records this instance passed; owner: task thread. */
    private transient long seen;
    /** Whether this instance was created after the run's failure; owner: task thread, set on the first record. */
    private transient boolean restarted;
    /** Checkpoints this instance was told completed; owner: task thread. */
    private transient int checkpointsCompleted;

    /**
     * @param runId the run, registered with {@link #arm}
     * @param failAfter records each subtask passes before the one it fails on, {@code >= 0}
     */
    FailureInjector(String runId, long failAfter) {
        if (failAfter < 0) {
            throw new IllegalArgumentException("failAfter must be >= 0, got " + failAfter);
        }
        this.runId = runId;
        this.failAfter = failAfter;
    }

    /** Registers a run that has not failed yet. @return its shared state */
    static Run arm(String runId) {
        Run run = new Run();
        if (RUNS.putIfAbsent(runId, run) != null) {
            throw new IllegalStateException("run " + runId + " is armed already");
        }
        return run;
    }

    /** Forgets a run once its job ended. */
    static void disarm(String runId) {
        RUNS.remove(runId);
    }

    @Override
    @TaskThread
    public T map(T record) {
        long index = seen++;
        if (index == 0) {
            onFirstRecord();
        }
        if (index == failAfter) {
            maybeFail();
        }
        return record;
    }

    private void onFirstRecord() {
        Run run = run();
        restarted = run.failed();
        if (restarted) {
            run.firstRecordAfterFailureNanoTime.compareAndSet(0, System.nanoTime());
        }
    }

    private void maybeFail() {
        Run run = run();
        if (!restarted && run.failed.compareAndSet(false, true)) {
            run.checkpointsBeforeFailure.set(checkpointsCompleted);
            run.failureNanoTime.set(System.nanoTime());
            throw new InjectedFailure("injected failure after " + failAfter + " records of this subtask");
        }
    }

    private Run run() {
        Run run = RUNS.get(runId);
        if (run == null) {
            throw new IllegalStateException("run " + runId + " is not armed");
        }
        return run;
    }

    @Override
    @TaskThread
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointsCompleted++;
    }
}
