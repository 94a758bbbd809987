package io.runnel.api.common;

import io.runnel.annotation.Public;
import java.time.Duration;
import java.util.Map;

/**
 * The result of a finished job: its id, how long it ran, and its accumulators and counters (merged over all
 * subtasks).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param jobId the job
 * @param netRuntime wall-clock time from the job's start to its end
 * @param accumulators accumulator name to merged value ({@link LongCounter}s appear as {@code Long})
 */
@Public
public record JobExecutionResult(JobId jobId, Duration netRuntime, Map<String, Object> accumulators) {

    public JobExecutionResult {
        accumulators = Map.copyOf(accumulators);
    }

    /** @return the net runtime in ms */
    public long getNetRuntimeMillis() {
        return netRuntime.toMillis();
    }

    /** @return the merged value of the named accumulator, or null if no subtask registered it */
    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String name) {
        return (T) accumulators.get(name);
    }

    /** @return the summed value of the named counter, 0 if no subtask used it */
    public long getCounter(String name) {
        Object v = accumulators.get(name);
        return v instanceof Long l ? l : 0L;
    }
}
