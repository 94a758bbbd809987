package io.runnel.examples.flights;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The departure delays of one origin airport so far: the number of flights and the exact sum of their delays.
 * Keeping the sum rather than a running mean makes the result independent of the order in which flights arrive,
 * so every parallelism gives the same output.
 *
 * <p>Invariants: {@code flights >= 0}; {@code mean = totalDelayMinutes / flights} (exact rational).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param origin IATA code of the airport; empty in a fresh accumulator
 * @param flights number of flights counted
 * @param totalDelayMinutes sum of their departure delays in minutes
 */
public record DelayStats(String origin, long flights, long totalDelayMinutes) {

    /** @return the statistics with {@code flight} added */
    public DelayStats add(Flight flight) {
        return new DelayStats(flight.origin(), flights + 1, totalDelayMinutes + flight.delay());
    }

    /**
     * @return the mean delay in minutes, rounded half up (away from zero) to 2 decimals
     * @throws ArithmeticException if no flight was counted
     */
    public BigDecimal roundedMeanDelay() {
        return BigDecimal.valueOf(totalDelayMinutes).divide(BigDecimal.valueOf(flights), 2, RoundingMode.HALF_UP);
    }

    /**
     * Compares the exact mean delays, without rounding: two airports whose means round to the same value still
     * have a definite order. Cross-multiplies in 128 bits, so no sum or count can overflow the comparison.
     *
     * @return negative, zero or positive as this mean is less than, equal to or greater than {@code other}'s
     */
    public int compareMeanTo(DelayStats other) {
        // a/b ? c/d with b, d > 0  <=>  a*d ? c*b
        return compare128(totalDelayMinutes, other.flights, other.totalDelayMinutes, flights);
    }

    private static int compare128(long a, long b, long c, long d) {
        long highLeft = Math.multiplyHigh(a, b);
        long highRight = Math.multiplyHigh(c, d);
        if (highLeft != highRight) {
            return Long.compare(highLeft, highRight);
        }
        return Long.compareUnsigned(a * b, c * d);
    }
}
