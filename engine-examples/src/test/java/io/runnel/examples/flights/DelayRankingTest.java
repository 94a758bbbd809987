package io.runnel.examples.flights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of the ranking and rounding, checked on both the production {@link DelayRanking} and the test's
 * {@link FlightDelaysReference} against hand-computed lines.
 */
class DelayRankingTest {

    /** Builds a CSV in the flight file format from (origin, delay) pairs. */
    private static String csv(Object... originDelayPairs) {
        StringBuilder sb = new StringBuilder("date,delay,distance,origin,destination\n");
        for (int i = 0; i < originDelayPairs.length; i += 2) {
            sb.append("2001-01-01 00:00:00,").append(originDelayPairs[i + 1]).append(",100,")
                    .append(originDelayPairs[i]).append(",XXX\n");
        }
        return sb.toString();
    }

    private static List<String> reference(String csv, long minFlights, int limit) throws IOException {
        return FlightDelaysReference.topLines(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), minFlights, limit);
    }

    @Test
    void roundsHalfUpAwayFromZero() throws IOException {
        // AAA: 1/200 = 0.005 -> 0.01; BBB: -1/200 = -0.005 -> -0.01; CCC: 1/3 = 0.333.. -> 0.33; DDD: 2/3 -> 0.67
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add("AAA");
            rows.add(i == 0 ? 1 : 0);
            rows.add("BBB");
            rows.add(i == 0 ? -1 : 0);
        }
        String data = csv(rows.toArray()) + csv("CCC", 1, "CCC", 0, "CCC", 0, "DDD", 1, "DDD", 1, "DDD", 0)
                .substring("date,delay,distance,origin,destination\n".length());
        List<String> expected = List.of("DDD,3,0.67", "CCC,3,0.33", "AAA,200,0.01", "BBB,200,-0.01");
        assertEquals(expected, reference(data, 1, 10));
        assertEquals(expected, DelayRanking.topLines(List.of(
                new DelayStats("AAA", 200, 1), new DelayStats("BBB", 200, -1),
                new DelayStats("CCC", 3, 1), new DelayStats("DDD", 3, 2)), 1, 10));
    }

    @Test
    void ordersByExactMeanWhenRoundedMeansAreEqual() throws IOException {
        // EEE: 1001/1000 = 1.001, FFF: 1/1 = 1.000; both print 1.00 but EEE ranks first.
        List<Object> rows = new ArrayList<>(List.of("FFF", 1));
        rows.add("EEE");
        rows.add(2);
        for (int i = 1; i < 1000; i++) {
            rows.add("EEE");
            rows.add(1);
        }
        List<String> expected = List.of("EEE,1000,1.00", "FFF,1,1.00");
        assertEquals(expected, reference(csv(rows.toArray()), 1, 10));
        assertEquals(expected, DelayRanking.topLines(
                List.of(new DelayStats("FFF", 1, 1), new DelayStats("EEE", 1000, 1001)), 1, 10));
    }

    @Test
    void breaksExactTiesByOriginAscending() throws IOException {
        String data = csv("ZZZ", 4, "MMM", 2, "MMM", 6, "AAA", 3, "AAA", 5);
        List<String> expected = List.of("AAA,2,4.00", "MMM,2,4.00", "ZZZ,1,4.00");
        assertEquals(expected, reference(data, 1, 10));
        assertEquals(expected, DelayRanking.topLines(List.of(new DelayStats("ZZZ", 1, 4),
                new DelayStats("MMM", 2, 8), new DelayStats("AAA", 2, 8)), 1, 10));
    }

    @Test
    void minFlightsIsInclusiveAndLimitCutsTheTail() throws IOException {
        String data = csv("AAA", 50, "BBB", 10, "BBB", 20, "CCC", 1, "CCC", 1, "DDD", -5, "DDD", -7);
        assertEquals(List.of("BBB,2,15.00", "CCC,2,1.00"), reference(data, 2, 2));
        assertEquals(List.of("BBB,2,15.00", "CCC,2,1.00"), DelayRanking.topLines(List.of(
                new DelayStats("AAA", 1, 50), new DelayStats("BBB", 2, 30), new DelayStats("CCC", 2, 2),
                new DelayStats("DDD", 2, -12)), 2, 2));
        assertEquals(List.of(), reference(data, 3, 10));
    }

    @Test
    void comparesMeansOfHugeSumsWithoutOverflow() {
        // Cross products of these exceed 2^63; 64-bit multiplication would misorder them.
        DelayStats big = new DelayStats("ABC", 3_000_000_000L, Long.MAX_VALUE / 2);
        DelayStats bigger = new DelayStats("ZED", 3_000_000_001L, Long.MAX_VALUE / 2 + 3_000_000_000L);
        assertEquals(List.of("ZED", "ABC"), DelayRanking.topLines(List.of(big, bigger), 1, 10).stream()
                .map(l -> l.substring(0, 3)).toList());
        assertEquals(1, Integer.signum(bigger.compareMeanTo(big)));
        assertEquals(-1, Integer.signum(big.compareMeanTo(bigger)));
        assertEquals(-1, Integer.signum(new DelayStats("NEG", 2, -3).compareMeanTo(new DelayStats("POS", 7, 1))));
    }

    @Test
    void accumulatesAndMergesExactSums() {
        DelayAggregate aggregate = new DelayAggregate();
        DelayStats acc = aggregate.createAccumulator();
        acc = aggregate.add(new Flight(null, 7, 100, "SFO", "LAX"), acc);
        acc = aggregate.add(new Flight(null, -2, 100, "SFO", "LAX"), acc);
        assertEquals(new DelayStats("SFO", 2, 5), aggregate.getResult(acc));
        assertEquals(new DelayStats("SFO", 3, 9),
                aggregate.merge(aggregate.createAccumulator(), aggregate.merge(acc, new DelayStats("SFO", 1, 4))));
    }
}
