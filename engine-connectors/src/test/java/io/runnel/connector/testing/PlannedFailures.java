package io.runnel.connector.testing;

import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobStatus;
import io.runnel.api.common.JobStatusChange;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.StreamExecutionEnvironment;
import java.util.function.Predicate;

/**
 * Runs a job of a failure-injection test and checks that it restarted only for the failures the test planned: an
 * exactly-once check that passes because the restart strategy absorbed a real bug would hide it.
 */
public final class PlannedFailures {

    private PlannedFailures() {
    }

    /**
     * Executes the job and waits for its result.
     *
     * @param planned whether the root cause of a restart is one of the test's injected failures
     * @return the job's result
     * @throws AssertionError naming the cause of the first restart that was not planned
     * @throws Exception if the job fails
     */
    public static JobExecutionResult execute(StreamExecutionEnvironment env, String jobName,
                                             Predicate<Throwable> planned) throws Exception {
        JobClient client = env.executeAsync(jobName);
        JobExecutionResult result = client.getJobExecutionResult().get();
        for (JobStatusChange change : client.getStatusHistory().get()) {
            if (change.status() == JobStatus.RESTARTING && !planned.test(Exceptions.rootCause(change.cause()))) {
                throw new AssertionError("job '" + jobName + "' restarted for a failure the test did not plan",
                        change.cause());
            }
        }
        return result;
    }
}
