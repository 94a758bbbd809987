package io.runnel.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a forked JVM reports to the runner, as one line on its standard output that starts with {@value #PREFIX}.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param spec what was measured
 * @param recordsPerSecond median input records per second over the measured runs
 * @param sinkRecords records that reached the counting step in each run (all runs agree)
 * @param checksum the counting step's checksum (all runs agree)
 * @param medianNetRuntimeMillis median net runtime reported by the engine, or -1 for a loop
 * @param checkpoints the measured runs' checkpoints (W4, W5), or null when checkpointing was off
 * @param recoveryMillis W5: each measured run's failure-to-first-record time, ms, in run order; empty otherwise
 */
record ForkResult(ForkSpec spec, double recordsPerSecond, long sinkRecords, long checksum,
                  long medianNetRuntimeMillis, CheckpointSummary checkpoints, List<Double> recoveryMillis) {

    /** Start of the result line. */
    static final String PREFIX = "RUNNEL-BENCH-RESULT";

    ForkResult {
        recoveryMillis = List.copyOf(recoveryMillis);
    }

    /** A result without checkpoints and failures (W1, W2, W3 and the loops). */
    ForkResult(ForkSpec spec, double recordsPerSecond, long sinkRecords, long checksum, long medianNetRuntimeMillis) {
        this(spec, recordsPerSecond, sinkRecords, checksum, medianNetRuntimeMillis, null, List.of());
    }

    /** @return the median failure-to-first-record time over the measured runs, ms, or -1 if no run failed */
    double medianRecoveryMillis() {
        return recoveryMillis.isEmpty() ? -1 : Medians.of(recoveryMillis.stream().mapToDouble(d -> d).toArray());
    }

    /** @return the line a fork prints */
    String toLine() {
        String line = String.format(Locale.ROOT, "%s workload=%s mode=%s recordsPerSecond=%.1f sinkRecords=%d "
                + "checksum=%d medianNetRuntimeMillis=%d", PREFIX, spec.workload(), spec.mode(), recordsPerSecond,
                sinkRecords, checksum, medianNetRuntimeMillis);
        if (checkpoints != null) {
            line += checkpoints.toFields();
        }
        if (!recoveryMillis.isEmpty()) {
            line += " recoveryMillis=" + recoveryMillis.stream().map(m -> String.format(Locale.ROOT, "%.3f", m))
                    .collect(Collectors.joining(","));
        }
        return line;
    }

    /**
     * @param line a line written by {@link #toLine()}
     * @return the result it carries
     * @throws IllegalArgumentException if the line is not a result line
     */
    static ForkResult parse(String line) {
        if (!line.startsWith(PREFIX + " ")) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : line.substring(PREFIX.length() + 1).trim().split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        try {
            return new ForkResult(new ForkSpec(fields.get("workload"), fields.get("mode")),
                    Double.parseDouble(fields.get("recordsPerSecond")), Long.parseLong(fields.get("sinkRecords")),
                    Long.parseLong(fields.get("checksum")), Long.parseLong(fields.get("medianNetRuntimeMillis")),
                    CheckpointSummary.parse(fields), parseMillis(fields.get("recoveryMillis")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed result line: " + line, e);
        }
    }

    private static List<Double> parseMillis(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(Double::parseDouble).toList();
    }
}
