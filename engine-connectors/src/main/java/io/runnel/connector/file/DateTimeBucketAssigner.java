package io.runnel.connector.file;

import io.runnel.annotation.Public;
import io.runnel.api.connector.sink.SinkFunction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Objects;

/**
 * Buckets records by the hour they belong to, named {@code yyyy-MM-dd--HH} in a time zone (UTC by default): by
 * processing time ({@link #processingTime()}, the {@link FileSink}'s default) or by the record's event timestamp
 * ({@link #eventTime()}).
 *
 * <p><b>Contract:</b> a bucket covers {@code [start, start + 1 h)} of its zone's local time; its end is what
 * {@link #bucketEndMillis} returns (parsed back from the id, so it also works for buckets of an earlier attempt).
 * The event-time variant throws {@link IllegalStateException} for a record without a timestamp.
 *
 * <p><b>Threading:</b> task thread only (caches the last hour's id).
 *
 * @param <IN> the record type
 */
@Public
public final class DateTimeBucketAssigner<IN> implements BucketAssigner<IN> {

    private static final long serialVersionUID = 1L;
    private static final String PATTERN = "yyyy-MM-dd--HH";

    private final boolean eventTime;
    private final String zoneId;
    /** Owner: task thread. The cached hour: ids are formatted once per hour, not per record. */
    private transient long cachedStartMillis = Long.MIN_VALUE;
    private transient long cachedEndMillis = Long.MIN_VALUE;
    private transient String cachedId;
    private transient DateTimeFormatter formatter;

    private DateTimeBucketAssigner(boolean eventTime, ZoneId zone) {
        this.eventTime = eventTime;
        this.zoneId = Objects.requireNonNull(zone, "zone").getId();
    }

    /** @return an assigner by the processing time at which a record is written, in UTC */
    public static <IN> DateTimeBucketAssigner<IN> processingTime() {
        return new DateTimeBucketAssigner<>(false, ZoneId.of("UTC"));
    }

    /** @return an assigner by the record's event timestamp, in UTC */
    public static <IN> DateTimeBucketAssigner<IN> eventTime() {
        return new DateTimeBucketAssigner<>(true, ZoneId.of("UTC"));
    }

    /** @return an assigner like this one whose hours are local hours of {@code zone} */
    public DateTimeBucketAssigner<IN> withZone(ZoneId zone) {
        return new DateTimeBucketAssigner<>(eventTime, zone);
    }

    @Override
    public String bucketId(IN element, SinkFunction.Context context) {
        long millis;
        if (eventTime) {
            Long ts = context.timestamp();
            if (ts == null) {
                throw new IllegalStateException("the event-time bucket assigner needs record timestamps; " + element
                        + " has none (assign them with a WatermarkStrategy)");
            }
            millis = ts;
        } else {
            millis = System.currentTimeMillis();
        }
        if (millis >= cachedStartMillis && millis < cachedEndMillis) {
            return cachedId;
        }
        return assignNewHour(millis);
    }

    private String assignNewHour(long millis) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalDateTime hour = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone).withMinute(0).withSecond(0)
                .withNano(0);
        cachedStartMillis = hour.atZone(zone).toInstant().toEpochMilli();
        cachedEndMillis = hour.plusHours(1).atZone(zone).toInstant().toEpochMilli();
        cachedId = formatter().format(hour);
        return cachedId;
    }

    @Override
    public long bucketEndMillis(String bucketId) {
        try {
            LocalDateTime start = LocalDateTime.parse(bucketId, formatter());
            return start.plusHours(1).atZone(ZoneId.of(zoneId)).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // Not one of ours (e.g. written by another assigner into the same directory): no time range.
            return Long.MAX_VALUE;
        }
    }

    @Override
    public boolean isEventTime() {
        return eventTime;
    }

    private DateTimeFormatter formatter() {
        if (formatter == null) {
            formatter = new DateTimeFormatterBuilder().appendPattern(PATTERN)
                    .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0).toFormatter();
        }
        return formatter;
    }
}
