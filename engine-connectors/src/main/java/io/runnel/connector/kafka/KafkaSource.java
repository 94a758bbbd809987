package io.runnel.connector.kafka;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.api.typeutils.ResultTypeQueryable;
import io.runnel.api.typeutils.TypeInformation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A source of the records of Kafka topics, one split per partition (follows the shape of Flink's FLIP-27 Kafka
 * source; our own code).
 *
 * <pre>{@code
 * KafkaSource<String> source = KafkaSource.<String>builder()
 *         .setBootstrapServers(broker.bootstrapServers())
 *         .setTopics(topic)
 *         .setStartingOffsets(KafkaStartingOffsets.earliest())
 *         .setDeserializer(KafkaRecordDeserializer.utf8Values())
 *         .setBounded()
 *         .build();
 * }</pre>
 * (from {@code KafkaSourceIT})
 *
 * <p><b>Contract:</b>
 * <ul>
 *   <li>Partitions are discovered once when the job starts and each is assigned to one reader (see
 *       {@link KafkaSplitEnumerator}); a reader emits a partition's records in offset order, with the Kafka record
 *       timestamp, through the partition's own output, so a watermark strategy runs per partition.</li>
 *   <li>A checkpoint holds each partition's next offset; a restored job resumes at exactly those offsets, also
 *       at another parallelism. Offsets are committed to the consumer group (if a group id is set) when a
 *       checkpoint completes, for monitoring only.</li>
 *   <li>Bounded mode ({@link Builder#setBounded()}) stops each partition at its end as seen when its reader is
 *       first assigned it (a restored split keeps a stopping offset it already had).</li>
 *   <li>Consumers read with {@code isolation.level=read_committed} unless the properties say otherwise;
 *       {@code enable.auto.commit} is always false.</li>
 * </ul>
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <T> the record type
 */
@Public
public final class KafkaSource<T> implements Source<T, KafkaPartitionSplit, KafkaEnumeratorState>,
        ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    /** How often an unbounded source looks for new partitions unless set otherwise: 5 minutes, as Flink. */
    public static final Duration DEFAULT_DISCOVERY_INTERVAL = Duration.ofMinutes(5);

    private final KafkaSubscription subscription;
    private final Properties properties;
    private final KafkaStartingOffsets startingOffsets;
    private final KafkaRecordDeserializer<T> deserializer;
    private final boolean bounded;
    private final long discoveryIntervalMillis;

    private KafkaSource(Builder<T> b) {
        this.subscription = new KafkaSubscription(b.topics, b.pattern);
        this.properties = b.properties;
        this.startingOffsets = b.startingOffsets;
        this.deserializer = b.deserializer;
        this.bounded = b.bounded;
        this.discoveryIntervalMillis = b.discoveryIntervalMillis;
    }

    /** @return a builder */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaEnumeratorState> createEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context) {
        return restoreEnumerator(context, new KafkaEnumeratorState(Set.of(), List.of()));
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaEnumeratorState checkpoint) {
        return new KafkaSplitEnumerator(context, subscription, consumerConfig("enumerator"), bounded,
                discoveryIntervalMillis, checkpoint);
    }

    @Override
    public SourceReader<T, KafkaPartitionSplit> createReader(SourceReaderContext context) {
        KafkaPartitionSplitReader splitReader = new KafkaPartitionSplitReader(
                consumerConfig("reader-" + context.getIndexOfSubtask()), startingOffsets, bounded);
        return new KafkaSourceReader<>(splitReader, new KafkaRecordEmitter<>(deserializer), context);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return deserializer.getProducedType();
    }

    private Map<String, Object> consumerConfig(String clientSuffix) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.forEach((k, v) -> config.put((String) k, v));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Object prefix = config.getOrDefault(ConsumerConfig.GROUP_ID_CONFIG, "runnel-kafka-source");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, prefix + "-" + clientSuffix);
        return config;
    }

    /**
     * Builds a {@link KafkaSource}; bootstrap servers, the topics (a list or a pattern) and a deserializer are
     * required.
     *
     * <p><b>Threading:</b> not thread-safe.
     *
     * @param <T> the record type
     */
    public static final class Builder<T> {

        private List<String> topics;
        private Pattern pattern;
        private final Properties properties = new Properties();
        private KafkaStartingOffsets startingOffsets = KafkaStartingOffsets.earliest();
        private KafkaRecordDeserializer<T> deserializer;
        private boolean bounded;
        private long discoveryIntervalMillis = DEFAULT_DISCOVERY_INTERVAL.toMillis();

        private Builder() {
        }

        /** @return this, reading from these brokers ({@code host:port,...}) */
        public Builder<T> setBootstrapServers(String bootstrapServers) {
            properties.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return this;
        }

        /** @return this, reading exactly these topics (they must exist when the job starts) */
        public Builder<T> setTopics(String... topics) {
            this.topics = List.of(topics);
            this.pattern = null;
            return this;
        }

        /** @return this, reading every topic whose whole name matches, as existing when the job starts */
        public Builder<T> setTopicPattern(Pattern pattern) {
            this.pattern = Objects.requireNonNull(pattern);
            this.topics = null;
            return this;
        }

        /** @return this, committing offsets to this consumer group on completed checkpoints */
        public Builder<T> setGroupId(String groupId) {
            properties.setProperty(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            return this;
        }

        /** @return this, starting partitions without a checkpointed offset there (default: earliest) */
        public Builder<T> setStartingOffsets(KafkaStartingOffsets startingOffsets) {
            this.startingOffsets = Objects.requireNonNull(startingOffsets);
            return this;
        }

        /** @return this, turning Kafka records into records with this deserializer */
        public Builder<T> setDeserializer(KafkaRecordDeserializer<T> deserializer) {
            this.deserializer = Objects.requireNonNull(deserializer);
            return this;
        }

        /**
         * @param interval how often an unbounded source looks for new partitions of its topics (and new topics of
         *     its pattern), which it then reads from their first offset; {@link Duration#ZERO} turns discovery
         *     off. Default {@link #DEFAULT_DISCOVERY_INTERVAL}, as Flink's {@code partition.discovery.interval.ms}.
         * @return this
         * @throws IllegalArgumentException if negative
         */
        public Builder<T> setPartitionDiscoveryInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("partition discovery interval must not be negative: " + interval);
            }
            this.discoveryIntervalMillis = interval.toMillis();
            return this;
        }

        /** @return this, stopping each partition at its end (see the class contract); default unbounded */
        public Builder<T> setBounded() {
            this.bounded = true;
            return this;
        }

        /** @return this, with a consumer property (e.g. {@code isolation.level}); later calls win */
        public Builder<T> setProperty(String key, String value) {
            properties.setProperty(key, value);
            return this;
        }

        /**
         * @return the source
         * @throws IllegalStateException if bootstrap servers, topics or the deserializer are missing
         */
        public KafkaSource<T> build() {
            if (properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
                throw new IllegalStateException("KafkaSource needs bootstrap servers (setBootstrapServers)");
            }
            if (topics == null && pattern == null) {
                throw new IllegalStateException("KafkaSource needs topics (setTopics or setTopicPattern)");
            }
            if (deserializer == null) {
                throw new IllegalStateException("KafkaSource needs a deserializer (setDeserializer)");
            }
            return new KafkaSource<>(this);
        }
    }
}
