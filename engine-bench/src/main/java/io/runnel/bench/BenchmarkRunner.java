package io.runnel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parent process of a benchmark: prints the machine's facts, runs {@code --forks} forks per measurement
 * ({@link ForkLauncher}) in rounds, and prints the {@link ResultTable} of the median forks.
 *
 * <p><b>Contract:</b> {@link #run()} returns 0 only if every fork succeeded (each fork verifies its own counts) and
 * every engine checksum equals its loop's; otherwise it prints what failed and returns 1. A failed fork does not
 * stop the others.
 *
 * <p><b>Threading:</b> main thread only.
 */
final class BenchmarkRunner {

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final ForkLauncher launcher;

    /**
     * @param options what to run
     * @param out where the report goes
     */
    BenchmarkRunner(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.launcher = new ForkLauncher(options, out);
    }

    /** @return the fork with the median throughput (the lower middle one of an even count) */
    static ForkResult medianFork(List<ForkResult> forks) {
        List<ForkResult> sorted = new ArrayList<>(forks);
        sorted.sort(Comparator.comparingDouble(ForkResult::recordsPerSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /**
     * @return the measurements, in the order they run: per workload the engine forks, then the loop forks (none
     *     for a workload whose loop is its reference's, W4 and W5)
     */
    List<ForkSpec> plan() {
        List<ForkSpec> specs = new ArrayList<>();
        for (String w : options.workloads()) {
            for (int p : options.parallelisms()) {
                specs.add(ForkSpec.engine(w, p));
            }
            Workload workload = Workload.of(w, options.recordsScale());
            if (workload.reference().isPresent()) {
                continue;
            }
            specs.add(new ForkSpec(w, ForkSpec.LOOP));
            if (workload.hasUnboxedLoop()) {
                specs.add(new ForkSpec(w, ForkSpec.LOOP_UNBOXED));
            }
        }
        return specs;
    }

    /**
     * @return the process exit code: 0 if everything ran and matched, else 1
     * @throws InterruptedException if interrupted while waiting for a fork
     */
    int run() throws InterruptedException {
        out.println("== Runnel benchmarks: " + String.join(",", options.workloads()) + ", records scale "
                + options.recordsScale() + ", " + options.warmups() + " warm-ups + " + options.runs()
                + " measured runs per fork, " + options.forks() + " fork(s) per measurement ==");
        out.println(MachineInfo.describe());
        ResultTable table = new ResultTable();
        List<String> failures = new ArrayList<>();
        Map<String, List<ForkResult>> byLabel = new LinkedHashMap<>();
        // Rounds rather than N forks in a row, so that a slow spell of the machine spreads over all measurements.
        for (int round = 1; round <= options.forks(); round++) {
            for (ForkSpec spec : plan()) {
                out.println();
                out.println("-- " + spec.label() + " (fork" + (options.forks() > 1 ? " " + round + " of "
                        + options.forks() : "") + ")");
                try {
                    byLabel.computeIfAbsent(spec.label(), l -> new ArrayList<>()).add(launcher.run(spec));
                } catch (ForkLauncher.ForkFailedException | IOException e) {
                    failures.add(e.getMessage());
                    out.println("FAILED: " + e.getMessage());
                }
            }
        }
        byLabel.values().forEach(forks -> table.add(medianFork(forks)));
        out.println();
        if (options.forks() > 1) {
            out.println("== Every fork's median (M rec/s), in round order ==");
            byLabel.forEach((label, forks) -> out.println(label + ": " + forks.stream()
                    .map(r -> String.format(Locale.ROOT, "%.2f", r.recordsPerSecond() / 1e6))
                    .collect(Collectors.joining(", "))));
            out.println();
        }
        out.println("== Results (median of " + options.runs() + " runs" + (options.forks() > 1 ? ", median of "
                + options.forks() + " forks" : "") + "; records = input records; "
                + "ratio = engine / loop; W4 and W5 against W2's loop) ==");
        out.print(table.render(options.workloads(), options.parallelisms()));
        out.println("load after: " + MachineInfo.loadAverage());
        failures.addAll(table.mismatches());
        if (failures.isEmpty()) {
            return 0;
        }
        out.println();
        out.println("BENCHMARK FAILED:");
        failures.forEach(f -> out.println("  " + f));
        return 1;
    }
}
