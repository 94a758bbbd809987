package io.runnel.bench;

import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobStatusChange;
import io.runnel.api.environment.CheckpointingMode;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.runtime.minicluster.MiniClusterJobClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * One engine run of W4 or W5: exactly-once checkpoints every {@value #INTERVAL_SECONDS} s into a temporary
 * directory of its own, which {@link #close()} deletes, and the figures the job's client reports afterwards.
 *
 * <p><b>Contract:</b> {@link #configure} points the environment's {@code state.checkpoints.dir} at the directory
 * and turns checkpoints on; {@link #execute} submits the job, waits for it, and returns its result with the wall
 * clock time from submission until the result (which completes after the local cluster shut down, as W2's
 * {@code env.execute} does, so the figures compare), the checkpoint statistics, the recovery times and the status
 * history. A failed job makes {@link #execute} throw with the job's failure as the cause.
 *
 * <p><b>Threading:</b> the fork's main thread only.
 *
 * <p><b>Lifecycle:</b> {@link #create}, {@link #configure}, {@link #execute} once, {@link #close()} (always).
 */
final class CheckpointedRun implements AutoCloseable {

    /** Seconds between checkpoint triggers. */
    static final long INTERVAL_SECONDS = 1;

    /**
     * What a run reports.
     *
     * @param result the job's result
     * @param elapsedNanos submission to result, ns
     * @param checkpoints the job's completed and failed checkpoints
     * @param recoveryNanos per failure, the engine's time from the failure to the first restored record, ns
     * @param history the job's status changes, oldest first
     */
    record Outcome(JobExecutionResult result, long elapsedNanos, CheckpointFigures checkpoints,
                   List<Long> recoveryNanos, List<JobStatusChange> history) {
    }

    private final Path directory;

    private CheckpointedRun(Path directory) {
        this.directory = directory;
    }

    /**
     * @param prefix the start of the temporary directory's name
     * @return a run with a new, empty checkpoint directory under {@code java.io.tmpdir}
     * @throws IOException if the directory cannot be created
     */
    static CheckpointedRun create(String prefix) throws IOException {
        return new CheckpointedRun(Files.createTempDirectory(prefix));
    }

    /** Turns on exactly-once checkpoints every {@value #INTERVAL_SECONDS} s into this run's directory. */
    void configure(StreamExecutionEnvironment env) {
        env.getConfiguration().set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.toUri().toString());
        env.enableCheckpointing(Duration.ofSeconds(INTERVAL_SECONDS), CheckpointingMode.EXACTLY_ONCE);
    }

    /**
     * Runs the job of {@code env} on the embedded cluster and waits for it.
     *
     * @return the result and figures
     * @throws Exception the job's failure, if it failed
     */
    Outcome execute(StreamExecutionEnvironment env, String jobName) throws Exception {
        long start = System.nanoTime();
        JobClient client = env.executeAsync(jobName);
        JobExecutionResult result;
        try {
            result = client.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        long elapsed = System.nanoTime() - start;
        if (!(client instanceof MiniClusterJobClient cluster)) {
            throw new IllegalStateException("W4 and W5 need the embedded cluster's client for their checkpoint "
                    + "figures, got " + client.getClass().getName());
        }
        return new Outcome(result, elapsed, CheckpointFigures.of(cluster.getCheckpointStats()),
                cluster.getRecoveryTimesNanos().get(), cluster.getStatusHistory().get());
    }

    /** Deletes the checkpoint directory and everything in it. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
