package io.runnel.examples.hourly;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Plain-Java answers for the hourly and session examples over a flight CSV: no Runnel code, its own parsing, its
 * own arithmetic. Lines are returned sorted. Public for the Kafka IT, which lives in the Kafka connector's package
 * to reach its embedded broker.
 */
public final class HourlyReference {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A parsed row: departure (ms, read as UTC), delay, origin, destination. */
    public record Row(long time, int delay, String origin, String destination, String line) {
    }

    private HourlyReference() {
    }

    /** @return the data rows of a flight CSV with header, in file order */
    public static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long time = LocalDateTime.parse(f[0], FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli();
            rows.add(new Row(time, Integer.parseInt(f[1]), f[3], f[4], line));
        }
        return rows;
    }

    /** @return {@code window_start,origin,flights,mean_delay,max_delay} of the rows accepted by {@code keep} */
    public static List<String> hourly(List<Row> rows, Predicate<Row> keep) {
        Map<String, long[]> stats = new TreeMap<>();
        for (Row r : rows) {
            if (!keep.test(r)) {
                continue;
            }
            long hour = Math.floorDiv(r.time(), 3_600_000L) * 3_600_000L;
            String start = FORMAT.format(LocalDateTime.ofEpochSecond(hour / 1000, 0, ZoneOffset.UTC));
            long[] s = stats.computeIfAbsent(start + "," + r.origin(), k -> new long[] {0, 0, Long.MIN_VALUE});
            s[0]++;
            s[1] += r.delay();
            s[2] = Math.max(s[2], r.delay());
        }
        List<String> out = new ArrayList<>();
        stats.forEach((k, s) -> out.add(k + "," + s[0] + ","
                + BigDecimal.valueOf(s[1]).divide(BigDecimal.valueOf(s[0]), 2, RoundingMode.HALF_UP).toPlainString()
                + "," + s[2]));
        Collections.sort(out);
        return out;
    }

    /** @return {@code route,first_departure,session_end,flights} for sessions of {@code gapMs} */
    static List<String> sessions(List<Row> rows, long gapMs) {
        Map<String, List<Long>> times = new TreeMap<>();
        for (Row r : rows) {
            times.computeIfAbsent(r.origin() + "-" + r.destination(), k -> new ArrayList<>()).add(r.time());
        }
        List<String> out = new ArrayList<>();
        times.forEach((route, ts) -> {
            Collections.sort(ts);
            long start = ts.get(0);
            long last = start;
            long n = 0;
            for (long t : ts) {
                // Windows [t, t + gap) that touch merge, as Flink's TimeWindow.intersects has it.
                if (t > last + gapMs) {
                    out.add(route + "," + format(start) + "," + format(last + gapMs) + "," + n);
                    start = t;
                    n = 0;
                }
                last = t;
                n++;
            }
            out.add(route + "," + format(start) + "," + format(last + gapMs) + "," + n);
        });
        Collections.sort(out);
        return out;
    }

    private static String format(long ms) {
        return FORMAT.format(LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000), 0, ZoneOffset.UTC));
    }
}
