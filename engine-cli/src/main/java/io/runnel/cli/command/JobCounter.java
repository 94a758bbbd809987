package io.runnel.cli.command;

import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.JobListener;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hears about the jobs that a job program submits, so that {@link JobProgramRunner} can tell a main class that
 * ran no job, and a job failure from another exception of the main method.
 *
 * <p><b>Threading:</b> thread-safe (atomics): a program may submit jobs from threads of its own.
 */
final class JobCounter implements JobListener {

    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    @Override
    public void onJobSubmitted(JobClient client) {
        submitted.incrementAndGet();
    }

    @Override
    public void onJobExecuted(JobExecutionResult result, Throwable failure) {
        if (failure != null) {
            firstFailure.compareAndSet(null, failure);
        }
    }

    /** @return how many jobs were submitted */
    int submitted() {
        return submitted.get();
    }

    /** @return the failure of the first job that failed, if any */
    Optional<Throwable> firstFailure() {
        return Optional.ofNullable(firstFailure.get());
    }
}
