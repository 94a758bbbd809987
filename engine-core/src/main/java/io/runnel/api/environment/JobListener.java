package io.runnel.api.environment;

import io.runnel.annotation.Public;
import io.runnel.api.common.JobExecutionResult;

/**
 * Hears about the jobs an environment submits.
 *
 * <p><b>Threading:</b> called on the thread that calls {@code execute()}/{@code executeAsync()}.
 */
@Public
public interface JobListener {

    /** A job was submitted. */
    void onJobSubmitted(JobClient client);

    /** A job submitted with {@code execute()} ended; {@code result} is null when it failed. */
    default void onJobExecuted(JobExecutionResult result, Throwable failure) {
    }
}
