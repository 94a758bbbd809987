package io.runnel.examples.flights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected output of {@link FlightDelays}, computed without the engine and without the example's own classes:
 * a plain loop over the CSV lines into a {@link HashMap}, then a sort. Means are compared exactly with
 * {@link BigInteger} cross-multiplication.
 *
 * <p><b>Threading:</b> stateless.
 */
final class FlightDelaysReference {

    private FlightDelaysReference() {
    }

    /**
     * @param csv the flight CSV (header line first), already decompressed
     * @param minFlights the smallest number of flights an airport needs to be ranked
     * @param limit how many lines at most
     * @return the expected lines {@code origin,flights,mean_delay}, best first
     */
    static List<String> topLines(InputStream csv, long minFlights, int limit) throws IOException {
        Map<String, long[]> countAndSum = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",");
                long[] acc = countAndSum.computeIfAbsent(fields[3], k -> new long[2]);
                acc[0]++;
                acc[1] += Long.parseLong(fields[1]);
            }
        }
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>();
        for (Map.Entry<String, long[]> e : countAndSum.entrySet()) {
            if (e.getValue()[0] >= minFlights) {
                ranked.add(e);
            }
        }
        ranked.sort((a, b) -> {
            BigInteger left = BigInteger.valueOf(b.getValue()[1]).multiply(BigInteger.valueOf(a.getValue()[0]));
            BigInteger right = BigInteger.valueOf(a.getValue()[1]).multiply(BigInteger.valueOf(b.getValue()[0]));
            int byMean = left.compareTo(right);
            return byMean != 0 ? byMean : a.getKey().compareTo(b.getKey());
        });
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, long[]> e : ranked.subList(0, Math.min(limit, ranked.size()))) {
            long count = e.getValue()[0];
            BigDecimal mean = BigDecimal.valueOf(e.getValue()[1])
                    .divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
            lines.add(e.getKey() + "," + count + "," + mean.toPlainString());
        }
        return lines;
    }
}
