package io.runnel.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The part of the runner's report about checkpoints and recovery (W4, W5, W6): per workload and parallelism the
 * throughput, its ratio to the {@link Workload#baseline()} measured in the same invocation, the checkpoint figures
 * ({@link CheckpointSummary}) and W5's failure-to-first-record times; then each figure the issue sets a target
 * for, against that target.
 *
 * <p><b>Contract:</b> {@code ratio = records/s / baseline records/s} at the same parallelism, {@code -} when the
 * baseline did not run. Targets: {@value #MIN_RATIO_TO_BASELINE} for W4's ratio, {@value #MAX_HEAP_MEDIAN_MILLIS}
 * ms for W4-heap's median checkpoint, {@value #MAX_RECOVERY_MILLIS} ms for W5's median recovery, W6's records/s
 * at parallelism 1 of {@link FileSinkWorkload#TARGET_RECORDS_PER_SECOND}; a missed target
 * is reported ({@code MISSED}), not a failure of the run. Renders nothing when no result has checkpoints.
 *
 * <p><b>Threading:</b> the runner's main thread only.
 */
final class CheckpointTable {

    /** W4 must keep at least this share of its baseline's throughput. */
    static final double MIN_RATIO_TO_BASELINE = 0.95;
    /** W4-heap's median checkpoint must take at most this long, ms. */
    static final double MAX_HEAP_MEDIAN_MILLIS = 50;
    /** W5's failure-to-first-record time must be at most this, ms. */
    static final double MAX_RECOVERY_MILLIS = 15;

    private final Map<String, ForkResult> results;

    /** @param results the fork results by {@link ForkSpec#label()} */
    CheckpointTable(Map<String, ForkResult> results) {
        this.results = results;
    }

    /** @return the table and the target lines, or an empty string if no result has checkpoints */
    String render(List<String> workloads, List<Integer> parallelisms) {
        StringBuilder sb = new StringBuilder();
        List<String> targets = new ArrayList<>();
        String format = "%-11s %3s %8s  %-11s %6s %6s %6s %10s %10s %10s  %s%n";
        for (String w : workloads) {
            String baseline = Workload.of(w, 1.0).baseline().orElse("").toUpperCase(Locale.ROOT);
            for (int p : parallelisms) {
                ForkResult r = results.get(ForkSpec.engine(w, p).label());
                if (r == null || r.checkpoints() == null) {
                    continue;
                }
                ForkResult base = results.get(ForkSpec.engine(baseline, p).label());
                CheckpointSummary c = r.checkpoints();
                String name = w.toUpperCase(Locale.ROOT);
                sb.append(String.format(Locale.ROOT, format, name, p, millionsPerSecond(r), baseline,
                        base == null ? "-" : String.format(Locale.ROOT, "%.3f", ratio(r, base)),
                        number(c.count()), c.failed(), millis(c.medianDurationMillis()),
                        megabytes(c.medianSizeBytes()), megabytes(c.lastSizeBytes()), recovery(r)));
                targets.addAll(targets(name, p, r, base));
            }
        }
        if (sb.length() == 0) {
            return "";
        }
        String header = String.format(Locale.ROOT, "%n== Checkpoints every %d s, exactly-once (W4, W5, W6); median ms "
                + "and size over all checkpoints of the measured runs, last = the last run's last; 1 MB = 10^6 B ==%n",
                CheckpointedRun.INTERVAL_SECONDS)
                + String.format(Locale.ROOT, format, "workload", "p", "M rec/s", "baseline", "ratio", "ckpts",
                        "failed", "median ms", "median MB", "last MB", "failure -> first record ms (median; runs)");
        return header + sb + "targets:" + System.lineSeparator()
                + targets.stream().map(t -> "  " + t).collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator();
    }

    private static List<String> targets(String name, int p, ForkResult r, ForkResult base) {
        List<String> lines = new ArrayList<>();
        String who = name + " p" + p;
        if (name.equals("W6")) {
            if (p == 1) {
                double perSecond = r.recordsPerSecond();
                lines.add(target(who + " throughput (2 x Flink's FileSink)", perSecond / 1e6, "M/s", ">=",
                        FileSinkWorkload.TARGET_RECORDS_PER_SECOND / 1e6,
                        perSecond >= FileSinkWorkload.TARGET_RECORDS_PER_SECOND));
            }
            return lines;
        }
        if (!r.recoveryMillis().isEmpty()) {
            lines.add(target(who + " failure -> first record (median)", r.medianRecoveryMillis(), "ms", "<=",
                    MAX_RECOVERY_MILLIS, r.medianRecoveryMillis() <= MAX_RECOVERY_MILLIS));
            return lines;
        }
        if (base != null) {
            double ratio = ratio(r, base);
            lines.add(target(who + " / " + base.spec().workload() + " throughput", ratio, "", ">=",
                    MIN_RATIO_TO_BASELINE, ratio >= MIN_RATIO_TO_BASELINE));
        } else {
            lines.add(who + " / baseline throughput: its baseline did not run in this invocation");
        }
        if (name.equals("W4-HEAP")) {
            double median = r.checkpoints().medianDurationMillis();
            lines.add(target(who + " median checkpoint", median, "ms", "<=", MAX_HEAP_MEDIAN_MILLIS,
                    median >= 0 && median <= MAX_HEAP_MEDIAN_MILLIS));
        }
        return lines;
    }

    private static String target(String what, double value, String unit, String op, double bound, boolean met) {
        return String.format(Locale.ROOT, "%-45s %8.3f %-2s (target %s %s) %s", what, value, unit, op,
                BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString(), met ? "met" : "MISSED");
    }

    private static double ratio(ForkResult r, ForkResult base) {
        return r.recordsPerSecond() / base.recordsPerSecond();
    }

    private static String recovery(ForkResult r) {
        if (r.recoveryMillis().isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f (%s)", r.medianRecoveryMillis(), r.recoveryMillis().stream()
                .map(m -> String.format(Locale.ROOT, "%.1f", m)).collect(Collectors.joining(", ")));
    }

    private static String millionsPerSecond(ForkResult r) {
        return String.format(Locale.ROOT, "%.2f", r.recordsPerSecond() / 1e6);
    }

    private static String millis(double m) {
        return m < 0 ? "-" : String.format(Locale.ROOT, "%.1f", m);
    }

    private static String megabytes(double bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.2f", bytes / 1e6);
    }

    /** @return an integral value without decimals, others with one */
    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
