package io.runnel.cli.command;

import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.JobListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hears about the jobs that a job program submits, so that {@link JobProgramRunner} can tell a main class that
 * ran no job, a job failure from another exception of the main method, and wait for the jobs a program submitted
 * with {@code executeAsync} and left running when main returned.
 *
 * <p><b>Threading:</b> thread-safe (a concurrent list and an atomic): a program may submit jobs from threads of
 * its own.
 */
final class JobCounter implements JobListener {

    private final List<JobClient> clients = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    @Override
    public void onJobSubmitted(JobClient client) {
        clients.add(client);
    }

    @Override
    public void onJobExecuted(JobExecutionResult result, Throwable failure) {
        if (failure != null) {
            firstFailure.compareAndSet(null, failure);
        }
    }

    /** @return how many jobs were submitted */
    int submitted() {
        return clients.size();
    }

    /** @return the failure of the first job that failed in {@code execute()}, if any */
    Optional<Throwable> firstFailure() {
        return Optional.ofNullable(firstFailure.get());
    }

    /** Asks every submitted job to cancel; jobs that already ended ignore it. */
    void cancelAll() {
        clients.forEach(JobClient::cancel);
    }

    /**
     * Waits until every job submitted so far has ended, or one of them has failed, whichever comes first.
     *
     * @return the failure of a failed (or cancelled) job, if any; the first in submission order when several
     *     have failed by then
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    Optional<Throwable> awaitJobs() throws InterruptedException {
        List<CompletableFuture<JobExecutionResult>> results = clients.stream()
                .map(JobClient::getJobExecutionResult).toList();
        CompletableFuture<Void> oneFailed = new CompletableFuture<>();
        results.forEach(r -> r.whenComplete((result, failure) -> {
            if (failure != null) {
                oneFailed.complete(null);
            }
        }));
        CompletableFuture<Void> allEnded = CompletableFuture.allOf(results.toArray(CompletableFuture<?>[]::new));
        try {
            // handle(): a failure is read from the results below, so the wait itself always completes normally.
            CompletableFuture.anyOf(allEnded, oneFailed).handle((ignored, failure) -> null).get();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause());
        }
        for (CompletableFuture<JobExecutionResult> result : results) {
            if (result.isCompletedExceptionally()) {
                return Optional.of(failureOf(result));
            }
        }
        return Optional.empty();
    }

    private static Throwable failureOf(CompletableFuture<JobExecutionResult> failed) {
        try {
            failed.getNow(null);
            return new IllegalStateException("the job's result future completed exceptionally without a cause");
        } catch (CompletionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (CancellationException e) {
            return e;
        }
    }
}
