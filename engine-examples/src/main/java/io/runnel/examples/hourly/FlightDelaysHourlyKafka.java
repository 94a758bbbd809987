package io.runnel.examples.hourly;

import io.runnel.api.datastream.DataStream;
import io.runnel.api.datastream.DataStreamSink;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.connector.kafka.DeliveryGuarantee;
import io.runnel.connector.kafka.KafkaRecordDeserializer;
import io.runnel.connector.kafka.KafkaRecordSerializer;
import io.runnel.connector.kafka.KafkaSink;
import io.runnel.connector.kafka.KafkaSource;
import io.runnel.connector.kafka.KafkaStartingOffsets;
import io.runnel.examples.Throttle;
import io.runnel.examples.flights.Flight;
import io.runnel.examples.hourly.FlightDelaysHourlyArgs.KafkaTopics;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The Kafka edition of {@link FlightDelaysHourly}'s input and output: flight CSV lines from a topic, result lines
 * to a topic in Kafka transactions.
 *
 * <pre>
 *   KafkaSource(flights parsed by FlightCsv, from the earliest offsets; event time per partition) → [throttle]
 *     → hourly windows as in the file edition → KafkaSink EXACTLY_ONCE (one transaction per checkpoint)
 * </pre>
 *
 * <p><b>Contract:</b>
 * <ul>
 *   <li>Input: each record value is one flight line in UTF-8, parsed in the source as the file edition parses
 *       its files ({@link FlightCsv}); a record holding the header is skipped, so a file copied line by line into
 *       the topic works. A malformed line fails the job with a message naming the topic, partition, offset, the
 *       reason and the line.</li>
 *   <li>Event time is the flight's {@code date} column, assigned inside the source, so watermarks are tracked per
 *       partition: a subtask reading several partitions interleaves them by fetch batch, hours or days apart,
 *       which a watermark taken after the source would turn into late, dropped flights. A partition without
 *       records for {@link #IDLE_PARTITION_TIMEOUT} stops holding the watermark back.</li>
 *   <li>Start: a fresh job reads the input topic from its earliest offsets; a restored job resumes at the
 *       offsets of its checkpoint. Bounded mode stops each partition at its end offset as seen at the start.</li>
 *   <li>Output: each line is one record value (UTF-8, no key) written in the open Kafka transaction, committed
 *       when the checkpoint after it completes; consumers must read with {@code isolation.level=read_committed}
 *       to see every line exactly once. The transactional ids are {@code flight-delays-hourly-<output topic>-...}:
 *       two jobs writing to the same output topic at once would fence each other.</li>
 *   <li>Needs checkpointing ({@link FlightDelaysHourly#enableDefaultCheckpointing}) with an interval below the
 *       Kafka transaction timeout (15 minutes); {@link #addSink} throws {@link IllegalStateException} otherwise.</li>
 * </ul>
 *
 * <p><b>Threading:</b> the static methods run on the thread that builds the job; the parser on task threads.
 */
public final class FlightDelaysHourlyKafka {

    /** How long a partition may stay without records before the watermark advances without it. */
    public static final Duration IDLE_PARTITION_TIMEOUT = Duration.ofMinutes(1);

    private FlightDelaysHourlyKafka() {
    }

    /**
     * @param topics where the flights are
     * @return the source of the flights (values parsed as flight CSV lines, the header skipped)
     */
    static KafkaSource<Flight> source(KafkaTopics topics) {
        KafkaSource.Builder<Flight> builder = KafkaSource.<Flight>builder()
                .setBootstrapServers(topics.bootstrapServers())
                .setTopics(topics.inputTopic())
                .setStartingOffsets(KafkaStartingOffsets.earliest())
                .setDeserializer(KafkaRecordDeserializer.utf8Values(
                        line -> FlightCsv.isHeader(line) ? null : FlightCsv.parse(line),
                        TypeInformation.of(Flight.class)));
        if (topics.bounded()) {
            builder.setBounded();
        }
        return builder.build();
    }

    /**
     * The flights of the input topic with event time and watermarks, with uids on the source, the parser and the
     * throttle so that a savepoint's read positions find them again (also when resumed with another
     * {@code --rate}).
     *
     * @param rate at most this many flights per second in total, or empty for no limit (see {@link Throttle})
     * @return the parsed flights
     */
    public static DataStream<Flight> flights(StreamExecutionEnvironment env, KafkaTopics topics, OptionalInt rate) {
        WatermarkStrategy<Flight> watermarks = WatermarkStrategy
                .<Flight>forBoundedOutOfOrderness(FlightDelaysHourly.OUT_OF_ORDERNESS)
                .withTimestampAssigner((flight, kafkaTime) -> FlightDelaysHourly.epochMillis(flight.date()))
                .withIdleness(IDLE_PARTITION_TIMEOUT);
        SingleOutputStreamOperator<Flight> flights = env.fromSource(source(topics), watermarks, "flights")
                .uid("flights");
        if (rate.isEmpty()) {
            return flights;
        }
        return flights.filter(new Throttle<>(rate.getAsInt())).name("throttle").uid("throttle");
    }

    /**
     * Writes {@code lines} to the output topic exactly once.
     *
     * @return the sink, named and with a uid
     * @throws IllegalStateException if checkpointing is off or its interval is not below the transaction timeout
     */
    public static DataStreamSink<String> addSink(DataStream<String> lines, KafkaTopics topics) {
        return KafkaSink.<String>builder()
                .setBootstrapServers(topics.bootstrapServers())
                .setSerializer(KafkaRecordSerializer.utf8Values(topics.outputTopic()))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                // Stable across restarts (a restart must abort what its failed attempt left open) and distinct per
                // output topic, as the sink requires.
                .setTransactionalIdPrefix("flight-delays-hourly-" + topics.outputTopic())
                .buildExactlyOnce()
                .addTo(lines).name("hourly-topic").uid("hourly-topic");
    }
}
