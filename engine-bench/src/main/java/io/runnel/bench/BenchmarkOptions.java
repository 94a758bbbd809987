package io.runnel.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@link Benchmarks}.
 *
 * <pre>
 * --workloads W1,W2        workloads to run (default W1,W2; also W2-RocksDB, W3, W4-heap, W4-RocksDB, W5, W6; W4 means
 *                          W4-heap,W4-RocksDB)
 * --parallelism 1,2        engine parallelisms (default 1,2)
 * --records-scale 1.0      factor on the input sizes (W1 50M longs, W2, W4 and W5 20M words, W3 20M bids, W6 5M
 *                          longs, large state 2M keys); 0.02 for a quick check
 * --warmups 2              warm-up runs per fork
 * --runs 3                 measured runs per fork; the median is reported
 * --forks 1                JVMs per measurement, in rounds; the median fork is reported and every fork's figure
 *                          printed (JVMs of the same code differ by up to ~20% here: JIT and memory placement)
 * --fork-timeout-seconds 1800  a fork that runs longer is dumped (jcmd Thread.print) and killed
 * --large-state            instead of the workloads, run the large-state check ({@link LargeStateCheck}) in a fork
 * --fork W mode            internal: measure one workload/mode in this JVM (mode: a parallelism, loop, loop-unboxed)
 * </pre>
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param workloads workload names
 * @param parallelisms engine parallelisms
 * @param recordsScale factor on the default input sizes
 * @param warmups warm-up runs per fork, {@code >= 0}
 * @param runs measured runs per fork, {@code >= 1}
 * @param forks JVMs per (workload, mode), {@code >= 1}
 * @param forkTimeoutSeconds how long a fork may run
 * @param fork the measurement to run in this JVM, or null for the runner that forks
 * @param largeState whether to run the large-state check instead of the workloads
 * @param help whether to print the usage only
 */
record BenchmarkOptions(List<String> workloads, List<Integer> parallelisms, double recordsScale, int warmups,
                        int runs, int forks, long forkTimeoutSeconds, ForkSpec fork, boolean largeState,
                        boolean help) {

    static final String USAGE = """
            usage: runnel-bench [--workloads W1,W2] [--parallelism 1,2] [--records-scale 1.0]
                                [--warmups 2] [--runs 3] [--forks 1] [--fork-timeout-seconds 1800]
                   runnel-bench --large-state [--records-scale 1.0]
              W1: 50M longs -> map x*3+1 -> filter even -> counting sink
              W2: 20M Zipf(1.1) words over w0..w99999 -> keyBy -> running count in ValueState -> counting sink
              W2-RocksDB: W2 with the keyed state in RocksDB (128 MiB managed memory per subtask)
              W3: 20M bids (auction Zipf(1.1) over 10,000, price 1..10,000, event time 1 ms per 10 bids minus
                  up to 2 s disorder) -> 2 s bounded-out-of-orderness watermarks -> keyBy auction -> 10 s tumbling
                  event-time windows counting bids and summing prices -> counting sink (one record per window
                  and auction); the loop windows by its own watermark
              W4-heap, W4-RocksDB (W4 = both): W2 (heap or RocksDB state) with exactly-once checkpoints every 1 s
                  into a temporary directory; adds the checkpoint count, median duration and median/last size,
                  and the ratio to W2 (W4-RocksDB: to W2-RocksDB) when that ran too; no loop (checked against W2's)
              W5: W4-heap plus a step that throws once at record 10M (half the input), restart with no delay;
                  adds the time from the failure to the first record after the restore; its checksum, counted
                  by a step whose totals are checkpointed, must equal W2's (exactly-once), else the fork fails
              W6: 5M longs -> a step that throws once half-way -> exactly-once FileSink (defaults: hour buckets,
                  one line per record), checkpoints every 1 s, restart with no delay; afterwards the finished part
                  files must hold every number exactly once, else the fork fails; the loop writes the same lines
                  with a BufferedWriter into one file; target: >= 1.092M rec/s at p=1 (2 x Flink 1.20.3's FileSink)
              Default: W1,W2. Add the others with --workloads W1,W2,W2-RocksDB,W3,W4,W5,W6.
              Each (workload, engine parallelism | loop) is measured in its own JVM
              (-Xms2g -Xmx2g -XX:+UseParallelGC): warm-ups, then measured runs; the median is reported.
              --forks N repeats every JVM N times (in rounds) and reports the median JVM, printing all N.
              --large-state: not a throughput figure. Writes 2M keys x 600-byte ValueState values (1.2 GB) with
              RocksDB (100 MiB managed memory) at parallelism 1, reads every key back and verifies it, in a JVM
              with -Xms512m -Xmx512m; prints the elapsed time, the bytes on disk before close and the fork's
              peak RSS (VmHWM). Fails on any mismatch.""";

    BenchmarkOptions {
        workloads = List.copyOf(workloads);
        parallelisms = List.copyOf(parallelisms);
        if (!(recordsScale > 0) || warmups < 0 || runs < 1 || forks < 1 || forkTimeoutSeconds < 1) {
            throw new IllegalArgumentException("need --records-scale > 0, --warmups >= 0, --runs >= 1, --forks >= 1"
                    + " and --fork-timeout-seconds >= 1");
        }
        for (String w : workloads) {
            Workload.of(w, recordsScale);
        }
        if (largeState && largeStateKeys(recordsScale) < 1) {
            throw new IllegalArgumentException("records scale " + recordsScale + " leaves no large-state keys");
        }
    }

    /** @return the number of keys of the large-state check at {@code scale} */
    static long largeStateKeys(double scale) {
        return Math.round(LargeStateCheck.DEFAULT_KEYS * scale);
    }

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException for an unknown option or a bad value (the message says which)
     */
    static BenchmarkOptions parse(String[] args) {
        List<String> workloads = List.of("W1", "W2");
        List<Integer> parallelisms = List.of(1, 2);
        double scale = 1.0;
        int warmups = 2;
        int runs = 3;
        int forks = 1;
        long timeout = 1800;
        ForkSpec fork = null;
        boolean largeState = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return new BenchmarkOptions(workloads, parallelisms, scale, warmups, runs, forks, timeout, null,
                            false, true);
                }
                case "--workloads" -> workloads = Workload.expand(Arrays.asList(value(args, ++i, a).split(",")));
                case "--parallelism" -> parallelisms = parseInts(value(args, ++i, a), a);
                case "--records-scale" -> scale = parseDouble(value(args, ++i, a), a);
                case "--warmups" -> warmups = (int) parseLong(value(args, ++i, a), a);
                case "--runs" -> runs = (int) parseLong(value(args, ++i, a), a);
                case "--forks" -> forks = (int) parseLong(value(args, ++i, a), a);
                case "--fork-timeout-seconds" -> timeout = parseLong(value(args, ++i, a), a);
                case "--large-state" -> largeState = true;
                case "--fork" -> {
                    fork = new ForkSpec(value(args, i + 1, a), value(args, i + 2, a));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        return new BenchmarkOptions(workloads, parallelisms, scale, warmups, runs, forks, timeout, fork, largeState,
                false);
    }

    /** @return the arguments that make a forked JVM measure {@code spec} with these options */
    List<String> forkArguments(ForkSpec spec) {
        return new ArrayList<>(List.of("--fork", spec.workload(), spec.mode(),
                "--records-scale", Double.toString(recordsScale),
                "--warmups", Integer.toString(warmups),
                "--runs", Integer.toString(runs)));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static List<Integer> parseInts(String csv, String option) {
        List<Integer> values = new ArrayList<>();
        for (String s : csv.split(",")) {
            long p = parseLong(s.trim(), option);
            if (p < 1 || p > 1024) {
                throw new IllegalArgumentException(option + " values must be in [1, 1024], got " + p);
            }
            values.add((int) p);
        }
        return values;
    }

    private static long parseLong(String s, String option) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer, got '" + s + "'", e);
        }
    }

    private static double parseDouble(String s, String option) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + s + "'", e);
        }
    }
}
