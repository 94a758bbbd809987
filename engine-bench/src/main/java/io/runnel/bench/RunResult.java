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
 */
record RunResult(long inputRecords, long sinkRecords, long checksum, long elapsedNanos, long netRuntimeMillis) {

    /** @return input records per second */
    double recordsPerSecond() {
        return inputRecords * 1e9 / Math.max(1, elapsedNanos);
    }
}
