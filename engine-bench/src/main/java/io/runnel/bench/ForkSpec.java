package io.runnel.bench;

import java.util.Locale;

/**
 * What one forked JVM measures: a workload and a mode, the engine at a parallelism ({@code "1"}, {@code "2"}, ...)
 * or a loop ({@value #LOOP}, {@value #LOOP_UNBOXED}).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param workload the workload name, e.g. {@code "W1"}
 * @param mode the parallelism of the engine job, or a loop mode
 */
record ForkSpec(String workload, String mode) {

    /** Mode of the single-thread loop that boxes as the engine does. */
    static final String LOOP = "loop";
    /** Mode of the single-thread loop on primitives (W1 only). */
    static final String LOOP_UNBOXED = "loop-unboxed";

    ForkSpec {
        workload = workload.toUpperCase(Locale.ROOT);
        if (!mode.equals(LOOP) && !mode.equals(LOOP_UNBOXED)) {
            parseParallelism(mode);
        }
    }

    /** @return a spec of the engine at {@code parallelism} */
    static ForkSpec engine(String workload, int parallelism) {
        return new ForkSpec(workload, Integer.toString(parallelism));
    }

    /** @return whether this spec measures a loop rather than the engine */
    boolean isLoop() {
        return mode.equals(LOOP) || mode.equals(LOOP_UNBOXED);
    }

    /** @return the engine's parallelism; only for an engine spec */
    int parallelism() {
        if (isLoop()) {
            throw new IllegalStateException(this + " is a loop");
        }
        return parseParallelism(mode);
    }

    /** @return e.g. {@code "W1 engine p2"} or {@code "W1 loop"} */
    String label() {
        return workload + (isLoop() ? " " + mode : " engine p" + mode);
    }

    private static int parseParallelism(String mode) {
        try {
            int p = Integer.parseInt(mode);
            if (p >= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fork mode must be a parallelism >= 1, '" + LOOP + "' or '"
                    + LOOP_UNBOXED + "', got '" + mode + "'", e);
        }
        throw new IllegalArgumentException("parallelism must be at least 1, got " + mode);
    }
}
