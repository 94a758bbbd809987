package io.runnel.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runner's final table: per workload and engine parallelism, the engine's and the (boxed) loop's median
 * throughput, their ratio, and the engine's checksum checked against the loop's.
 *
 * <p><b>Contract:</b> {@code ratio = engine records/s / loop records/s}, both over the same input records. A row
 * whose engine checksum differs from the loop's is marked {@code MISMATCH} and makes {@link #allChecksumsMatch()}
 * false. Missing figures (a failed fork) print as {@code -}. A workload without a loop of its own (W4, W5) is
 * compared with its reference's loop (W2's); the checkpoint figures of W4 and W5 follow in a
 * {@link CheckpointTable}.
 *
 * <p><b>Threading:</b> the runner's main thread only.
 */
final class ResultTable {

    private final Map<String, ForkResult> results = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();

    /** Adds a fork's result. */
    void add(ForkResult result) {
        results.put(result.spec().label(), result);
    }

    /** @return whether every engine checksum equals its workload's loop checksum (missing results are skipped) */
    boolean allChecksumsMatch() {
        return mismatches.isEmpty();
    }

    /** @return the checksum problems found by the last {@link #render}; empty if none */
    List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    /** @return the table for these workloads and parallelisms, with a line per unboxed loop under it */
    String render(List<String> workloads, List<Integer> parallelisms) {
        mismatches.clear();
        StringBuilder sb = new StringBuilder();
        String format = "%-10s %3s %14s %14s %8s  %-20s %s%n";
        sb.append(String.format(Locale.ROOT, format, "workload", "p", "engine M rec/s", "loop M rec/s", "ratio",
                "checksum", "check"));
        for (String w : workloads) {
            String loopOf = loopWorkload(w);
            ForkResult loop = results.get(new ForkSpec(loopOf, ForkSpec.LOOP).label());
            for (int p : parallelisms) {
                ForkResult engine = results.get(ForkSpec.engine(w, p).label());
                sb.append(String.format(Locale.ROOT, format, w.toUpperCase(Locale.ROOT), p, rate(engine), rate(loop),
                        ratio(engine, loop), engine == null ? "-" : Long.toHexString(engine.checksum()),
                        check(w, p, engine, loop, loopOf)));
            }
        }
        for (String w : workloads) {
            ForkResult loop = results.get(new ForkSpec(w, ForkSpec.LOOP).label());
            ForkResult unboxed = results.get(new ForkSpec(w, ForkSpec.LOOP_UNBOXED).label());
            if (loop != null) {
                sb.append(String.format(Locale.ROOT, "%s boxed loop: %s M rec/s, checksum %s%n",
                        w.toUpperCase(Locale.ROOT), rate(loop), Long.toHexString(loop.checksum())));
            }
            if (unboxed != null) {
                sb.append(String.format(Locale.ROOT, "%s unboxed loop (primitive long, reference only): %s M rec/s,"
                        + " checksum %s%n", w.toUpperCase(Locale.ROOT), rate(unboxed),
                        Long.toHexString(unboxed.checksum())));
            }
        }
        sb.append(new CheckpointTable(results).render(workloads, parallelisms));
        return sb.toString();
    }

    /**
     * @return the workload whose loop {@code workload}'s engine rows compare with: its own, or its reference's
     *     (W2's for W4 and W5; the names do not depend on the records scale)
     */
    private static String loopWorkload(String workload) {
        return Workload.of(workload, 1.0).reference().orElse(workload).toUpperCase(Locale.ROOT);
    }

    private String check(String workload, int parallelism, ForkResult engine, ForkResult loop, String loopOf) {
        if (engine == null || loop == null) {
            return "-";
        }
        if (engine.checksum() == loop.checksum() && engine.sinkRecords() == loop.sinkRecords()) {
            return loopOf.equalsIgnoreCase(workload) ? "= loop" : "= " + loopOf + " loop";
        }
        mismatches.add(String.format(Locale.ROOT, "%s p%d: engine checksum %x / %d records, loop %x / %d records",
                workload, parallelism, engine.checksum(), engine.sinkRecords(), loop.checksum(), loop.sinkRecords()));
        return "MISMATCH (loop " + Long.toHexString(loop.checksum()) + ")";
    }

    private static String rate(ForkResult r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2f", r.recordsPerSecond() / 1e6);
    }

    private static String ratio(ForkResult engine, ForkResult loop) {
        if (engine == null || loop == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f", engine.recordsPerSecond() / loop.recordsPerSecond());
    }
}
