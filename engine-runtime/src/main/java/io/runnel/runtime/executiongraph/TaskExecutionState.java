package io.runnel.runtime.executiongraph;

import io.runnel.api.common.Accumulator;
import java.util.Map;

/**
 * A subtask's report of its state to the JobManager.
 *
 * <p><b>Threading:</b> immutable once sent (the accumulators are no longer touched by the task).
 *
 * @param attemptId which subtask attempt
 * @param state its new state
 * @param failure the cause, for FAILED; else null
 * @param accumulators its accumulators, for FINISHED; else empty
 */
public record TaskExecutionState(ExecutionAttemptId attemptId, ExecutionState state, Throwable failure,
                                 Map<String, Accumulator<?, ?>> accumulators) {
}
