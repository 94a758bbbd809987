package io.runnel.runtime.taskmanager;

import io.runnel.api.common.Accumulator;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.runtime.executiongraph.ExecutionState;
import io.runnel.runtime.executiongraph.TaskExecutionState;
import io.runnel.runtime.network.InputGate;
import io.runnel.runtime.network.ResultPartition;
import io.runnel.runtime.rpc.JobMasterGateway;
import io.runnel.runtime.source.OperatorEvent;
import io.runnel.runtime.tasks.CancelTaskException;
import io.runnel.runtime.tasks.StreamTask;
import io.runnel.runtime.tasks.TaskEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployed subtask in a TaskManager: owns the task thread, runs the {@link StreamTask} on it, and reports the
 * outcome to the JobManager. A task that was asked to cancel ends CANCELED whatever exception unwound it; any
 * other exception ends it FAILED with that exception as the cause, unwrapped.
 *
 * <p><b>Threading:</b> {@link #start()}, {@link #cancel()} and {@link #deliverOperatorEvent} from TaskManager
 * threads; the rest runs on the task thread, named {@code runnel-task: <chain> (i/p)}.
 *
 * <p><b>Lifecycle:</b> DEPLOYING on construction, RUNNING when the thread starts, then FINISHED, FAILED or
 * CANCELED; the thread ends after the final report.
 */
public final class Task implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final ExecutionAttemptId attemptId;
    private final TaskEnvironment env;
    private final StreamTask streamTask;
    private final JobMasterGateway jobMaster;
    private final Thread thread;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean canceled;
    private final AtomicReference<ExecutionState> state = new AtomicReference<>(ExecutionState.DEPLOYING);

    /**
     * @param failureNanoTime for a redeployment after a failure, when the failure was seen (nanoTime); 0 otherwise
     */
    Task(ExecutionAttemptId attemptId, TaskEnvironment env, JobMasterGateway jobMaster, long failureNanoTime) {
        this.attemptId = attemptId;
        this.env = env;
        this.streamTask = new StreamTask(env);
        if (failureNanoTime != 0) {
            streamTask.setFirstSourceRecordListener(
                    () -> jobMaster.reportFirstRecordAfterRestore(attemptId, System.nanoTime()));
        }
        this.jobMaster = jobMaster;
        this.thread = new Thread(this, "runnel-task: " + env.taskInfo().nameWithSubtask());
        this.thread.setContextClassLoader(env.taskInfo().userClassLoader());
    }

    /** Starts the task thread. */
    void start() {
        thread.start();
    }

    @Override
    public void run() {
        if (!state.compareAndSet(ExecutionState.DEPLOYING, ExecutionState.RUNNING)) {
            finishAndReport(new CancelTaskException("cancelled before it started"));
            return;
        }
        jobMaster.updateTaskExecutionState(new TaskExecutionState(attemptId, ExecutionState.RUNNING, null, Map.of()));
        Throwable failure = null;
        try {
            streamTask.invoke();
        } catch (Throwable t) {
            failure = t;
        }
        finishAndReport(failure);
    }

    private void finishAndReport(Throwable failure) {
        env.mailbox().close();
        InputGate gate = env.inputGate();
        if (gate != null) {
            gate.release();
        }
        TaskExecutionState report;
        if (canceled || failure instanceof CancelTaskException) {
            releaseOutputs();
            state.set(ExecutionState.CANCELED);
            report = new TaskExecutionState(attemptId, ExecutionState.CANCELED, null, Map.of());
        } else if (failure != null) {
            releaseOutputs();
            state.set(ExecutionState.FAILED);
            LOG.warn("Task {} failed", env.taskInfo().nameWithSubtask(), failure);
            report = new TaskExecutionState(attemptId, ExecutionState.FAILED, failure, Map.of());
        } else {
            state.set(ExecutionState.FINISHED);
            Map<String, Accumulator<?, ?>> acc = Map.copyOf(env.accumulators());
            report = new TaskExecutionState(attemptId, ExecutionState.FINISHED, null, acc);
        }
        terminated.countDown();
        jobMaster.updateTaskExecutionState(report);
    }

    private void releaseOutputs() {
        List<ResultPartition> outputs = env.outputPartitions();
        outputs.forEach(ResultPartition::release);
    }

    /**
     * Cancels the task: a cancel mail for the loop, destroyed output pools for a thread waiting on a buffer, and
     * an interrupt for user code that blocks.
     */
    void cancel() {
        ExecutionState current = state.get();
        while (!current.isTerminal() && current != ExecutionState.CANCELING) {
            if (state.compareAndSet(current, ExecutionState.CANCELING)) {
                break;
            }
            current = state.get();
        }
        if (current.isTerminal() || canceled) {
            return;
        }
        canceled = true;
        streamTask.cancel();
        for (ResultPartition p : env.outputPartitions()) {
            p.getBufferPool().destroy();
        }
        thread.interrupt();
    }

    /** Hands an event from the coordinator to the task thread. */
    void deliverOperatorEvent(OperatorEvent event) {
        streamTask.dispatchOperatorEvent(event);
    }

    /** Waits until the task thread has reported its final state. @return false on timeout */
    boolean awaitTermination(long timeoutMillis) throws InterruptedException {
        boolean done = terminated.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (done) {
            thread.join(timeoutMillis);
        }
        return done;
    }

    /** @return the stream task (its methods that may be called from other threads only enqueue mails) */
    StreamTask streamTask() {
        return streamTask;
    }

    ExecutionAttemptId getAttemptId() {
        return attemptId;
    }

    ExecutionState getState() {
        return state.get();
    }
}
