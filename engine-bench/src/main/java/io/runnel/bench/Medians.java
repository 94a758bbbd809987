package io.runnel.bench;

import java.util.Arrays;

/**
 * The median the benchmark reports everywhere: of an odd number of values the middle one, of an even number the
 * mean of the two middle ones.
 *
 * <p><b>Threading:</b> stateless.
 */
final class Medians {

    private Medians() {
    }

    /**
     * @param values any order; not modified
     * @return their median
     * @throws IllegalArgumentException if there are none
     */
    static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
