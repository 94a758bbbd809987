package io.runnel.examples.flights;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Turns final per-airport statistics into the output of {@link FlightDelays}: the airports with at least
 * {@code minFlights} flights, highest exact mean delay first, ties by origin ascending, as lines
 * {@code origin,flights,mean_delay} with the mean rounded half up to 2 decimals.
 *
 * <p><b>Threading:</b> stateless.
 */
public final class DelayRanking {

    /** Highest exact mean first, then origin ascending, so the order is total and independent of input order. */
    public static final Comparator<DelayStats> HIGHEST_MEAN_FIRST =
            ((Comparator<DelayStats>) (a, b) -> b.compareMeanTo(a)).thenComparing(DelayStats::origin);

    private DelayRanking() {
    }

    /**
     * @param stats the final statistics, one per airport
     * @param minFlights the smallest number of flights an airport needs to be ranked
     * @param limit how many lines at most
     * @return the output lines, best first
     */
    public static List<String> topLines(Collection<DelayStats> stats, long minFlights, int limit) {
        return stats.stream()
                .filter(s -> s.flights() >= minFlights && s.flights() > 0)
                .sorted(HIGHEST_MEAN_FIRST)
                .limit(limit)
                .map(DelayRanking::format)
                .toList();
    }

    /** @return {@code origin,flights,mean_delay}, e.g. {@code ORD,812,12.35} */
    public static String format(DelayStats stats) {
        return stats.origin() + "," + stats.flights() + "," + stats.roundedMeanDelay().toPlainString();
    }
}
