package io.runnel.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checkpoint figures of one fork, over its measured runs: what the runner's checkpoint table shows for W4 and
 * W5.
 *
 * <p><b>Contract:</b> {@code count} is the median over the runs of each run's number of completed checkpoints;
 * {@code medianDurationMillis} and {@code medianSizeBytes} are medians over all completed checkpoints of all
 * measured runs pooled (so a run with more checkpoints weighs more); {@code lastSizeBytes} is the size of the
 * last checkpoint of the last measured run (-1 if it completed none), which for a job whose state only grows is
 * the largest; {@code failed} is the total over the runs. Medians of no checkpoints are -1.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param count median completed checkpoints per run
 * @param failed aborted or declined checkpoints, summed over the runs
 * @param medianDurationMillis median trigger-to-completion time, ms
 * @param medianSizeBytes median state size, bytes
 * @param lastSizeBytes size of the last run's last checkpoint, bytes
 */
record CheckpointSummary(double count, int failed, double medianDurationMillis, double medianSizeBytes,
                         long lastSizeBytes) {

    /** @return the summary of these measured runs' checkpoints */
    static CheckpointSummary of(List<CheckpointFigures> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to summarize");
        }
        double[] durations = runs.stream().flatMap(r -> r.durationsMillis().stream()).mapToDouble(Long::doubleValue)
                .toArray();
        double[] sizes = runs.stream().flatMap(r -> r.sizesBytes().stream()).mapToDouble(Long::doubleValue)
                .toArray();
        return new CheckpointSummary(Medians.of(runs.stream().mapToDouble(CheckpointFigures::count).toArray()),
                runs.stream().mapToInt(CheckpointFigures::failed).sum(),
                durations.length == 0 ? -1 : Medians.of(durations), sizes.length == 0 ? -1 : Medians.of(sizes),
                runs.get(runs.size() - 1).lastSizeBytes());
    }

    /** @return the fields of a {@link ForkResult} line, each {@code " key=value"} */
    String toFields() {
        return String.format(Locale.ROOT, " checkpoints=%.1f checkpointsFailed=%d checkpointMedianMillis=%.1f "
                + "checkpointMedianBytes=%.1f checkpointLastBytes=%d", count, failed, medianDurationMillis,
                medianSizeBytes, lastSizeBytes);
    }

    /**
     * @param fields the key/value pairs of a result line
     * @return the summary written by {@link #toFields()}, or null if the line has none (checkpointing was off)
     * @throws RuntimeException if a field is missing or malformed
     */
    static CheckpointSummary parse(Map<String, String> fields) {
        if (!fields.containsKey("checkpoints")) {
            return null;
        }
        return new CheckpointSummary(Double.parseDouble(fields.get("checkpoints")),
                Integer.parseInt(fields.get("checkpointsFailed")),
                Double.parseDouble(fields.get("checkpointMedianMillis")),
                Double.parseDouble(fields.get("checkpointMedianBytes")),
                Long.parseLong(fields.get("checkpointLastBytes")));
    }
}
