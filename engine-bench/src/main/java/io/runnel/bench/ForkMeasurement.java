package io.runnel.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Measures one {@link ForkSpec} in the current JVM: {@code warmups} unmeasured runs, then {@code runs} measured
 * ones; verifies every run and reports the median throughput as a {@link ForkResult} line.
 *
 * <p><b>Contract:</b> every run must deliver {@link Workload#expectedSinkRecords()} records to the counting step
 * (when the workload knows that number in advance), and all runs of a fork the same count and checksum; otherwise
 * {@link #measure} throws {@link IllegalStateException}, which makes the fork exit non-zero. A {@code System.gc()}
 * precedes each run so that one run's garbage is not collected in the next one's time.
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
            verify(r, name, previous);
            previous = r;
            if (!warmup) {
                measured.add(r);
            }
        }
        return new ForkResult(spec, medianRate(measured), previous.sinkRecords(), previous.checksum(),
                medianNetRuntime(measured));
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
        double[] rates = runs.stream().mapToDouble(RunResult::recordsPerSecond).sorted().toArray();
        int mid = rates.length / 2;
        return rates.length % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
    }

    private static long medianNetRuntime(List<RunResult> runs) {
        long[] millis = runs.stream().mapToLong(RunResult::netRuntimeMillis).toArray();
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }
}
