package io.runnel.runtime.executiongraph;

import io.runnel.annotation.MainThread;
import io.runnel.api.common.Accumulator;
import io.runnel.api.common.JobStatus;
import io.runnel.api.common.JobStatusChange;
import io.runnel.graph.JobGraph;
import io.runnel.graph.JobVertex;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JobManager's view of a running job: the state of every subtask attempt, the job status, the first failure
 * and the accumulators of finished subtasks.
 *
 * <p>Invariants: {@code terminalCount} = number of subtasks in a terminal state; the job status changes only along
 * {@link JobStatus#next()}.
 *
 * <p><b>Threading:</b> JobManager main thread only.
 */
public final class ExecutionGraph {

    private final JobGraph jobGraph;
    private final Map<ExecutionAttemptId, ExecutionState> states = new LinkedHashMap<>();
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private JobStatus status = JobStatus.CREATED;
    private Throwable failureCause;
    private int terminalCount;
    private int attemptNumber;
    private final List<JobStatusChange> history = new ArrayList<>();

    public ExecutionGraph(JobGraph jobGraph) {
        this.jobGraph = jobGraph;
        history.add(new JobStatusChange(JobStatus.CREATED, System.currentTimeMillis(), 0, null));
    }

    /**
     * Starts the next execution attempt after a failure: a new attempt number (so old tasks' late reports are
     * stale), no failure, no accumulators. Call {@link #createAttempts()} next.
     */
    @MainThread
    public void startNewAttempt() {
        attemptNumber++;
        failureCause = null;
        accumulators.clear();
    }

    /** @return the attempts of the current execution in the given state */
    @MainThread
    public List<ExecutionAttemptId> attemptsIn(ExecutionState state) {
        List<ExecutionAttemptId> ids = new ArrayList<>();
        states.forEach((id, s) -> {
            if (s == state) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** @return the state of an attempt of the current execution, or null if unknown */
    @MainThread
    public ExecutionState stateOf(ExecutionAttemptId id) {
        return states.get(id);
    }

    /** @return the statuses the job went through, oldest first */
    @MainThread
    public List<JobStatusChange> history() {
        return List.copyOf(history);
    }

    /** @return every subtask attempt of the current job attempt, producers first */
    @MainThread
    public List<ExecutionAttemptId> createAttempts() {
        states.clear();
        terminalCount = 0;
        List<ExecutionAttemptId> ids = new ArrayList<>();
        for (JobVertex v : jobGraph.vertices()) {
            for (int i = 0; i < v.parallelism(); i++) {
                ExecutionAttemptId id = new ExecutionAttemptId(jobGraph.jobId(), v.id(), i, attemptNumber);
                states.put(id, ExecutionState.DEPLOYING);
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Records a subtask's new state.
     *
     * @return false if the report is stale (an unknown attempt or one already terminal)
     */
    @MainThread
    public boolean update(TaskExecutionState report) {
        ExecutionState old = states.get(report.attemptId());
        if (old == null || old.isTerminal()) {
            return false;
        }
        states.put(report.attemptId(), report.state());
        if (report.state().isTerminal()) {
            terminalCount++;
        }
        if (report.state() == ExecutionState.FINISHED) {
            mergeAccumulators(report.accumulators());
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void mergeAccumulators(Map<String, Accumulator<?, ?>> fromTask) {
        for (Map.Entry<String, Accumulator<?, ?>> e : fromTask.entrySet()) {
            Accumulator existing = accumulators.get(e.getKey());
            if (existing == null) {
                accumulators.put(e.getKey(), e.getValue().copy());
            } else if (existing.getClass() != e.getValue().getClass()) {
                throw new IllegalStateException("Accumulator '" + e.getKey() + "' has different types in different "
                        + "tasks: " + existing.getClass().getName() + " and " + e.getValue().getClass().getName());
            } else {
                existing.merge((Accumulator) e.getValue());
            }
        }
    }

    /** @return accumulator name to merged value */
    @MainThread
    public Map<String, Object> accumulatorResults() {
        Map<String, Object> result = new HashMap<>();
        for (Map.Entry<String, Accumulator<?, ?>> e : accumulators.entrySet()) {
            Serializable v = e.getValue().getLocalValue();
            result.put(e.getKey(), v);
        }
        return result;
    }

    /** @return true if every subtask attempt is in a terminal state */
    @MainThread
    public boolean allTerminal() {
        return terminalCount == states.size();
    }

    /** @return true if every subtask attempt finished */
    @MainThread
    public boolean allFinished() {
        return states.values().stream().allMatch(s -> s == ExecutionState.FINISHED);
    }

    /** @return the attempts not yet in a terminal state */
    @MainThread
    public List<ExecutionAttemptId> nonTerminalAttempts() {
        List<ExecutionAttemptId> ids = new ArrayList<>();
        states.forEach((id, s) -> {
            if (!s.isTerminal()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * Moves the job to {@code next}.
     *
     * @throws IllegalStateException if the transition is not allowed
     */
    @MainThread
    public void transitionTo(JobStatus next) {
        transitionTo(next, null);
    }

    /**
     * Moves the job to {@code next}, recording why in the history.
     *
     * @param cause the failure behind the transition, or null
     * @throws IllegalStateException if the transition is not allowed
     */
    @MainThread
    public void transitionTo(JobStatus next, Throwable cause) {
        if (!status.next().contains(next)) {
            throw new IllegalStateException("Job " + jobGraph.name() + " cannot go from " + status + " to " + next);
        }
        status = next;
        history.add(new JobStatusChange(next, System.currentTimeMillis(), attemptNumber, cause));
    }

    @MainThread
    public JobStatus getStatus() {
        return status;
    }

    /** Records the first failure; later ones are secondary. */
    @MainThread
    public void recordFailure(Throwable cause) {
        if (failureCause == null) {
            failureCause = cause;
        }
    }

    @MainThread
    public Throwable getFailureCause() {
        return failureCause;
    }

    @MainThread
    public int getAttemptNumber() {
        return attemptNumber;
    }
}
