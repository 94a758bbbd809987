package io.runnel.cli.command;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.CheckpointConfig;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.JobListener;
import io.runnel.runtime.checkpoint.CheckpointStorageLocations;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Tells the user, when a job with periodic checkpoints is submitted, where its checkpoints go, so that the job can
 * be restarted from one with {@code --from-savepoint DIR/<job id>}: one line on {@code err},
 * {@code Job ID checkpoints every N ms (MODE) into DIR}.
 *
 * <p><b>Contract:</b> reads the environment's configuration when the job is submitted, so checkpointing turned on
 * by the job's code counts as well as {@code --checkpoint-interval}. Prints nothing for a job without checkpoints.
 *
 * <p><b>Threading:</b> called on the thread that submits the job; the configuration is that thread's.
 */
final class CheckpointLocationPrinter implements JobListener {

    private final Configuration configuration;
    private final PrintWriter err;

    /**
     * @param configuration the live configuration of the environment this listener is registered on
     * @param err where the line goes
     */
    CheckpointLocationPrinter(Configuration configuration, PrintWriter err) {
        this.configuration = configuration;
        this.err = err;
    }

    @Override
    public void onJobSubmitted(JobClient client) {
        Duration interval = configuration.get(CheckpointingOptions.INTERVAL);
        if (interval.isZero()) {
            return;
        }
        synchronized (err) {
            err.println("Job " + client.getJobId() + " checkpoints every " + interval.toMillis() + " ms ("
                    + CheckpointConfig.parseMode(configuration) + ") into "
                    + CheckpointStorageLocations.jobCheckpointRoot(configuration, client.getJobId()));
            err.flush();
        }
    }
}
