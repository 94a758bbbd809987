package io.runnel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Entry point of the engine benchmarks: compares Runnel's throughput on its workloads with a hand-written
 * single-thread Java loop doing the same work, run by {@code ./runnel-bench} at the repository root.
 *
 * <ul>
 *   <li>W1: 50M longs → map {@code x*3+1} → filter even → counting sink (all chained).</li>
 *   <li>W2: 20M words from Zipf(1.1) over {@code w0..w99999} → keyBy → running count in {@code ValueState<Long>}
 *       → counting sink.</li>
 *   <li>W2-RocksDB: W2 with the keyed state in RocksDB (not in the default list).</li>
 *   <li>W3: 20M bids → 10 s tumbling event-time windows per auction counting bids and summing prices → counting
 *       sink ({@link AuctionWindowWorkload}; not in the default list).</li>
 *   <li>W4-heap, W4-RocksDB ({@code W4} names both): W2 with exactly-once checkpoints every second, reporting
 *       the checkpoints' count, median duration and sizes too ({@link CheckpointedWordCountWorkload}).</li>
 *   <li>W5: W4-heap with one injected failure at record 10M and an immediate restart, reporting the time from
 *       the failure to the first record after the restore; its checksum must be W2's ({@link RecoveryWorkload}).
 *       </li>
 *   <li>W6: 5M longs through the exactly-once file sink with checkpoints every second and one injected failure;
 *       the finished part files must hold every number once ({@link FileSinkWorkload}; not in the default list).
 *       </li>
 * </ul>
 * With {@code --large-state} it runs {@link LargeStateCheck} in a fork instead.
 *
 * <p>Without {@code --fork} this is the runner: it starts one JVM per (workload, engine parallelism | loop) with the
 * same class path and {@value ForkLauncher#JVM_OPTIONS}, and prints a table of median records/s (input records per
 * second of wall-clock time around {@code env.execute}, so job start-up is included), the engine/loop ratio and
 * checksums, then for W4, W5 and W6 a {@link CheckpointTable}. With {@code --fork W mode} it measures one of them in
 * this JVM; a W4 or W5 fork then also checks its checksum against W2's loop. See {@link BenchmarkOptions} for the
 * options. Exit codes: 0 success, 1 a failed or mismatching measurement, 2 a bad command line.
 *
 * <p><b>Threading:</b> runs on the main thread; the engine's jobs use their own task threads.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * Runs the benchmarks (or one fork's measurement) and exits with the status described above.
     *
     * @param args see {@link BenchmarkOptions}
     */
    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (Exception e) {
            // A fork's failure: the stack trace goes to the runner, which shows it and reports the fork failed.
            e.printStackTrace();
            code = 1;
        }
        // Exit explicitly: a thread the engine failed to end must not keep a fork (and so the runner) waiting.
        System.exit(code);
    }

    /**
     * @return the exit code
     * @throws Exception if a fork's measurement fails (an engine job fails, or a count or checksum is wrong)
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("runnel-bench: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.println(BenchmarkOptions.USAGE);
            return 0;
        }
        if (options.largeState()) {
            return runLargeState(options, out);
        }
        if (options.fork() == null) {
            return new BenchmarkRunner(options, out).run();
        }
        ForkSpec spec = options.fork();
        Workload workload = Workload.of(spec.workload(), options.recordsScale());
        ForkMeasurement measurement = new ForkMeasurement(workload, spec, out);
        ForkResult result = measurement.measure(options.warmups(), options.runs());
        if (workload.reference().isPresent()) {
            measurement.verifyAgainstReference(result, Workload.of(workload.reference().get(),
                    options.recordsScale()));
        }
        reportLingeringThreads(out);
        out.println(result.toLine());
        return 0;
    }

    /**
     * Runs the large-state check in its fork; the fork's output, result line included, is copied to {@code out},
     * followed by a one-line summary in human units.
     */
    private static int runLargeState(BenchmarkOptions options, PrintStream out) throws InterruptedException {
        long keys = BenchmarkOptions.largeStateKeys(options.recordsScale());
        out.println("== Runnel large-state check: " + keys + " keys ==");
        out.println(MachineInfo.describe());
        out.println("(the check's fork runs with " + LargeStateCheck.JVM_OPTIONS + ", not the workloads' options)");
        try {
            String line = new ForkLauncher(options, out).runLargeState(keys);
            out.println(LargeStateCheck.summarize(line));
            return 0;
        } catch (ForkLauncher.ForkFailedException | IOException e) {
            out.println("LARGE-STATE CHECK FAILED: " + e.getMessage());
            return 1;
        }
    }

    /** The engine should end every thread it started once a job is done; a leftover one is worth a line. */
    private static void reportLingeringThreads(PrintStream out) {
        Set<String> names = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t != Thread.currentThread())
                .filter(t -> !t.getName().equals("DestroyJavaVM"))
                .map(Thread::getName)
                .collect(Collectors.toSet());
        if (!names.isEmpty()) {
            out.println("note: non-daemon threads still alive after the last job: " + names);
        }
    }
}
