package io.runnel.examples.hourly;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The delays of one airport in one hour: flights, the exact sum of their delays and the largest delay. Exact
 * sums make results independent of arrival order.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param flights number of flights
 * @param totalDelayMinutes sum of their departure delays in minutes
 * @param maxDelayMinutes the largest departure delay in minutes ({@code Integer.MIN_VALUE} when empty)
 */
public record HourlyStats(long flights, long totalDelayMinutes, int maxDelayMinutes) {

    /** The statistics of no flights. */
    public static final HourlyStats EMPTY = new HourlyStats(0, 0, Integer.MIN_VALUE);

    /** @return these statistics with a flight of {@code delay} minutes added */
    public HourlyStats add(int delay) {
        return new HourlyStats(flights + 1, totalDelayMinutes + delay, Math.max(maxDelayMinutes, delay));
    }

    /** @return the statistics of both */
    public HourlyStats merge(HourlyStats other) {
        return new HourlyStats(flights + other.flights, totalDelayMinutes + other.totalDelayMinutes,
                Math.max(maxDelayMinutes, other.maxDelayMinutes));
    }

    /**
     * @return the mean delay in minutes rounded half up (away from zero) to 2 decimals
     * @throws ArithmeticException if there are no flights
     */
    public BigDecimal roundedMeanDelay() {
        return BigDecimal.valueOf(totalDelayMinutes).divide(BigDecimal.valueOf(flights), 2, RoundingMode.HALF_UP);
    }
}
