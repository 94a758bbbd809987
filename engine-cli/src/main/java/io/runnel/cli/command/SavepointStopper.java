package io.runnel.cli.command;

import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.JobListener;
import io.runnel.cli.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the jobs of one {@code runnel run} with a savepoint ({@link JobClient#stopWithSavepoint}, without drain,
 * so a job resumed with {@code --from-savepoint} goes on where it stopped): when the process gets SIGINT (Ctrl-C)
 * or SIGTERM, and, if asked, once a job has run for a given time. The local cluster lives inside the
 * {@code runnel run} process, so this is the one place that can reach its jobs.
 *
 * <p><b>Contract:</b> reports each outcome as one line on {@code err}: {@code Savepoint of job ID: PATH}, or why
 * there is none (the job ended first, the savepoint failed or took longer than {@link #STOP_TIMEOUT}). A failed
 * savepoint leaves the job running. On a signal the JVM exits once the jobs have stopped, with the signal's exit
 * status (130 after Ctrl-C); a second Ctrl-C does not cut the savepoint short.
 *
 * <p><b>Lifecycle:</b> {@link #install()} adds the shutdown hook; {@link #close()} removes it and stops the timer,
 * after the program's jobs have ended.
 *
 * <p><b>Threading:</b> thread-safe: jobs are added on program threads, stopped on the timer thread or the
 * shutdown hook's thread; a job is stopped at most once, and a second caller waits for the first stop.
 */
final class SavepointStopper implements JobListener, AutoCloseable {

    /** How long a stop may take before the CLI gives up on its savepoint. */
    static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    /** How long to wait for the outcome of a stop whose job has already ended. */
    private static final long ENDED_GRACE_MILLIS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(SavepointStopper.class);

    private final Path directory;
    private final Duration stopAfter;
    private final PrintWriter err;
    private final List<JobClient> jobs = new CopyOnWriteArrayList<>();
    private final Map<JobClient, CompletableFuture<String>> stops = new ConcurrentHashMap<>();
    private final Set<JobClient> reported = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timer;
    private final Thread shutdownHook = new Thread(this::stopRunningJobs, "runnel-savepoint-on-exit");

    /**
     * @param directory where the savepoints go
     * @param stopAfter stop each job this long after its submission, or null to stop only on a signal
     * @param err where the outcome is reported
     */
    SavepointStopper(Path directory, Duration stopAfter, PrintWriter err) {
        this.directory = directory;
        this.stopAfter = stopAfter;
        this.err = err;
        this.timer = stopAfter == null ? null : new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "runnel-stop-with-savepoint");
            t.setDaemon(true);
            return t;
        });
        if (timer != null) {
            // close() drops the stops not yet due; one under way finishes and reports.
            timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
    }

    /** Adds the shutdown hook that stops the running jobs with a savepoint on SIGINT or SIGTERM. */
    void install() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public void onJobSubmitted(JobClient client) {
        jobs.add(client);
        if (timer != null) {
            timer.schedule(() -> stop(client), stopAfter.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** On the shutdown hook's thread: stops every job that has not ended, one after the other. */
    private void stopRunningJobs() {
        for (JobClient job : jobs) {
            if (!job.getJobExecutionResult().isDone()) {
                stop(job);
            }
        }
    }

    /** Stops {@code job} with a savepoint (or waits for the stop already under way) and reports the outcome. */
    private void stop(JobClient job) {
        CompletableFuture<JobExecutionResult> ended = job.getJobExecutionResult();
        if (ended.isDone()) {
            reportOnce(job, endedFirst(job));
            return;
        }
        CompletableFuture<String> stop = stops.computeIfAbsent(job,
                j -> j.stopWithSavepoint(false, directory.toString()));
        try {
            reportOnce(job, awaitOutcome(job, stop, ended));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the line that tells how the stop of {@code job} went */
    private static String awaitOutcome(JobClient job, CompletableFuture<String> stop,
                                       CompletableFuture<JobExecutionResult> ended) throws InterruptedException {
        try {
            // A job that ends on its own while the stop is pending may never complete the stop: wait for either.
            CompletableFuture.anyOf(stop, ended).handle((r, e) -> null).get(STOP_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
            String savepoint = stop.get(ENDED_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return "Savepoint of job " + job.getJobId() + ": " + savepoint + " (resume with: runnel run "
                    + "--from-savepoint " + savepoint + " ...)";
        } catch (ExecutionException e) {
            LOG.warn("Stop with savepoint of job {} failed", job.getJobId(), e);
            return "Warning: no savepoint of job " + job.getJobId() + ": " + Messages.oneLine(Messages.rootCause(e))
                    + " " + Messages.seeLog();
        } catch (TimeoutException e) {
            return ended.isDone() ? endedFirst(job) : "Warning: no savepoint of job " + job.getJobId() + ": it did "
                    + "not complete in " + STOP_TIMEOUT.toSeconds() + " s";
        }
    }

    private static String endedFirst(JobClient job) {
        return "Job " + job.getJobId() + " ended before it was stopped; no savepoint taken";
    }

    /** Prints {@code line}, unless an outcome of {@code job} was printed already (by the timer or the hook). */
    private void reportOnce(JobClient job, String line) {
        if (reported.add(job)) {
            report(line);
        }
    }

    private void report(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    /**
     * Removes the shutdown hook (unless the JVM is already shutting down) and stops the timer: call it after the
     * jobs have ended. Reports the jobs that ended before their stop was due.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (or ran) and must stay.
            LOG.debug("Shutdown in progress; keeping the savepoint hook", e);
        }
        if (timer == null) {
            return;
        }
        timer.shutdown();
        try {
            // A stop under way has seen its job end, so it reports within the grace period.
            if (!timer.awaitTermination(ENDED_GRACE_MILLIS * 2, TimeUnit.MILLISECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jobs.stream().filter(job -> !stops.containsKey(job)).forEach(job -> reportOnce(job, "Job " + job.getJobId()
                + " ended before --stop-with-savepoint-after " + stopAfter.toMillis() + "ms; no savepoint taken"));
    }
}
