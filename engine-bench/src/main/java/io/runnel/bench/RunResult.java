package io.runnel.bench;

/**
 * The outcome of one run of a workload, by the engine or by a loop.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param inputRecords number of records the workload's source produced (the throughput's numerator)
 * @param sinkRecords number of records that reached the counting step
 * @param checksum the wrapping sum of the fingerprints of those records (see {@link CountingSink})
 * @param elapsedNanos wall-clock time of the run, measured with {@link System#nanoTime()}; for the engine it
 *     spans {@code env.execute}, so it includes job start-up and tear-down
 * @param netRuntimeMillis the job's net runtime from its {@code JobExecutionResult}, or -1 for a loop
 * @param checkpoints the job's checkpoints, or null when the run took none (checkpointing off, or a loop)
 * @param recoveryNanos W5: the engine's time from the failure (as its JobManager saw it) to the first record a
 *     restored source emitted, ns; -1 when the run had no failure
 * @param detail a line about the run for the fork's output (W5: when it failed, the bench's own recovery time),
 *     or empty
 */
record RunResult(long inputRecords, long sinkRecords, long checksum, long elapsedNanos, long netRuntimeMillis,
                 CheckpointFigures checkpoints, long recoveryNanos, String detail) {

    /** A run without checkpoints and failures (W1, W2, W3 and the loops). */
    RunResult(long inputRecords, long sinkRecords, long checksum, long elapsedNanos, long netRuntimeMillis) {
        this(inputRecords, sinkRecords, checksum, elapsedNanos, netRuntimeMillis, null, -1, "");
    }

    /** @return input records per second */
    double recordsPerSecond() {
        return inputRecords * 1e9 / Math.max(1, elapsedNanos);
    }
}
