package io.runnel.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Measures one {@link ForkSpec} in the current JVM: {@code warmups} unmeasured runs, then {@code runs} measured
 * ones; verifies every run and reports the median throughput as a {@link ForkResult} line.
 *
 * <p><b>Contract:</b> every run must deliver {@link Workload#expectedSinkRecords()} records to the counting step
 * (when the workload knows that number in advance), and all runs of a fork the same count and checksum; otherwise
 * {@link #measure} throws {@link IllegalStateException}, which makes the fork exit non-zero. A {@code System.gc()}
 * precedes each run so that one run's garbage is not collected in the next one's time. Runs with checkpoints (W4,
 * W5) also print each checkpoint's duration and size, and the result carries their {@link CheckpointSummary}.
 *
 * <p><b>Threading:</b> the fork's main thread only.
 */
final class ForkMeasurement {

    private final Workload workload;
    private final ForkSpec spec;
    private final PrintStream out;

    /**
     * @param workload the workload, already scaled
     * @param spec engine parallelism or loop
     * @param out where progress and the result line go
     */
    ForkMeasurement(Workload workload, ForkSpec spec, PrintStream out) {
        this.workload = workload;
        this.spec = spec;
        this.out = out;
    }

    /**
     * @return the median over the measured runs
     * @throws IllegalStateException if a run's count or checksum is wrong
     * @throws Exception if an engine job fails
     */
    ForkResult measure(int warmups, int runs) throws Exception {
        out.printf(Locale.ROOT, "%s: %,d input records, %d warm-up + %d measured runs, %s%n", spec.label(),
                workload.inputRecords(), warmups, runs, Runtime.version());
        List<RunResult> measured = new ArrayList<>();
        RunResult previous = null;
        for (int i = 0; i < warmups + runs; i++) {
            System.gc();
            RunResult r = runOnce();
            boolean warmup = i < warmups;
            String name = warmup ? "warm-up " + (i + 1) : "run " + (i - warmups + 1);
            out.printf(Locale.ROOT, "  %-10s %8.2f M rec/s  elapsed %7.3f s%s%n", name, r.recordsPerSecond() / 1e6,
                    r.elapsedNanos() / 1e9, r.netRuntimeMillis() < 0 ? ""
                            : String.format(Locale.ROOT, "  (job net runtime %.3f s)", r.netRuntimeMillis() / 1e3));
            printDetails(r);
            verify(r, name, previous);
            previous = r;
            if (!warmup) {
                measured.add(r);
            }
        }
        List<CheckpointFigures> checkpoints = measured.stream().map(RunResult::checkpoints)
                .filter(Objects::nonNull).toList();
        return new ForkResult(spec, medianRate(measured), previous.sinkRecords(), previous.checksum(),
                medianNetRuntime(measured), checkpoints.isEmpty() ? null : CheckpointSummary.of(checkpoints),
                measured.stream().filter(r -> r.recoveryNanos() >= 0).map(r -> r.recoveryNanos() / 1e6).toList());
    }

    /** Prints a run's checkpoints (durations in ms and sizes in bytes, in completion order) and its detail line. */
    private void printDetails(RunResult r) {
        CheckpointFigures c = r.checkpoints();
        if (c != null) {
            out.printf(Locale.ROOT, "             checkpoints: %d completed, %d failed; durations ms %s; sizes B %s%n",
                    c.count(), c.failed(), c.durationsMillis(), c.sizesBytes());
        }
        if (!r.detail().isEmpty()) {
            out.println("             " + r.detail());
        }
    }

    /**
     * Checks a fork's result against the loop of the workload's {@link Workload#reference()} (W2's for W4 and W5),
     * run once after the measured runs so that it cannot shape their JIT profile.
     *
     * @param result the fork's result
     * @param reference the reference workload at the same records scale
     * @throws IllegalStateException if the count or checksum differs (for W5: records lost or counted twice)
     */
    void verifyAgainstReference(ForkResult result, Workload reference) {
        RunResult loop = reference.runLoop(true);
        if (loop.sinkRecords() != result.sinkRecords() || loop.checksum() != result.checksum()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "CHECKSUM MISMATCH: %s ended with checksum "
                    + "%x over %,d records, but %s's loop computes %x over %,d records for the same input: the "
                    + "engine lost records or counted some twice, so its state was not exactly-once", spec.label(),
                    result.checksum(), result.sinkRecords(), reference.name(), loop.checksum(), loop.sinkRecords()));
        }
        out.printf(Locale.ROOT, "  checksum %x over %,d records = %s's loop%n", result.checksum(),
                result.sinkRecords(), reference.name());
    }

    private RunResult runOnce() throws Exception {
        if (!spec.isLoop()) {
            return workload.runEngine(spec.parallelism());
        }
        return workload.runLoop(spec.mode().equals(ForkSpec.LOOP));
    }

    private void verify(RunResult r, String run, RunResult previous) {
        OptionalLong expected = workload.expectedSinkRecords();
        if (expected.isPresent() && r.sinkRecords() != expected.getAsLong()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s %s: the counting step saw %,d records, expected %,d", spec.label(), run, r.sinkRecords(),
                    expected.getAsLong()));
        }
        if (previous != null && (previous.checksum() != r.checksum() || previous.sinkRecords() != r.sinkRecords())) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s %s: checksum %d over %,d records differs from the previous run's %d over %,d", spec.label(),
                    run, r.checksum(), r.sinkRecords(), previous.checksum(), previous.sinkRecords()));
        }
    }

    /** @return the median records/s; for an even count, the mean of the two middle values */
    static double medianRate(List<RunResult> runs) {
        return Medians.of(runs.stream().mapToDouble(RunResult::recordsPerSecond).toArray());
    }

    private static long medianNetRuntime(List<RunResult> runs) {
        long[] millis = runs.stream().mapToLong(RunResult::netRuntimeMillis).toArray();
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }
}
