package io.runnel.connector.kafka;

import io.runnel.annotation.Public;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A sink that writes records to Kafka with {@link DeliveryGuarantee#NONE} or
 * {@link DeliveryGuarantee#AT_LEAST_ONCE}; its builder also builds the {@link DeliveryGuarantee#EXACTLY_ONCE}
 * sink, a {@link KafkaExactlyOnceSink}.
 *
 * <pre>{@code
 * KafkaSink<String> sink = KafkaSink.<String>builder()
 *         .setBootstrapServers(broker.bootstrapServers())
 *         .setSerializer(KafkaRecordSerializer.utf8Values(topic))
 *         .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
 *         .build();
 * }</pre>
 * (from {@code KafkaSinkIT})
 *
 * <p><b>Contract:</b> AT_LEAST_ONCE: a checkpoint completes only after every record written before its barrier is
 * acknowledged by the broker ({@code acks=all} unless the properties say otherwise), so a restart from it may
 * write records again but loses none. NONE: records are flushed only at the end of input.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <T> the record type
 */
@Public
public final class KafkaSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final Properties properties;
    private final KafkaRecordSerializer<T> serializer;
    private final DeliveryGuarantee guarantee;

    private KafkaSink(Builder<T> b) {
        this.properties = b.properties;
        this.serializer = b.serializer;
        this.guarantee = b.guarantee;
    }

    /** @return a builder */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.forEach((k, v) -> config.put((String) k, v));
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "runnel-kafka-sink-" + context.getSubtaskId());
        return new KafkaSinkWriter<>(config, serializer, guarantee);
    }

    /**
     * Builds a {@link KafkaSink}; bootstrap servers and a serializer are required.
     *
     * <p><b>Threading:</b> not thread-safe.
     *
     * @param <T> the record type
     */
    public static final class Builder<T> {

        private final Properties properties = new Properties();
        private KafkaRecordSerializer<T> serializer;
        private DeliveryGuarantee guarantee = DeliveryGuarantee.AT_LEAST_ONCE;
        private String transactionalIdPrefix;
        private int transactionalIdPoolSize = 5;
        private Duration transactionTimeout = Duration.ofMinutes(15);

        private Builder() {
        }

        /** @return this, writing to these brokers ({@code host:port,...}) */
        public Builder<T> setBootstrapServers(String bootstrapServers) {
            properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return this;
        }

        /** @return this, turning records into Kafka records with this serializer */
        public Builder<T> setSerializer(KafkaRecordSerializer<T> serializer) {
            this.serializer = Objects.requireNonNull(serializer);
            return this;
        }

        /** @return this, with this guarantee (default AT_LEAST_ONCE) */
        public Builder<T> setDeliveryGuarantee(DeliveryGuarantee guarantee) {
            this.guarantee = Objects.requireNonNull(guarantee);
            return this;
        }

        /**
         * @return this, naming the transactional ids of EXACTLY_ONCE {@code <prefix>-<subtask>-<k>}; must be unique
         *         per sink among all jobs writing to the cluster, and stable across restarts of the job
         */
        public Builder<T> setTransactionalIdPrefix(String prefix) {
            this.transactionalIdPrefix = Objects.requireNonNull(prefix);
            return this;
        }

        /** @return this, with this many transactional ids per subtask for EXACTLY_ONCE (default 5) */
        public Builder<T> setTransactionalIdPoolSize(int poolSize) {
            if (poolSize < 2) {
                throw new IllegalArgumentException("An EXACTLY_ONCE sink needs at least 2 transactional ids per "
                        + "subtask (one open and one waiting for its checkpoint), got " + poolSize);
            }
            this.transactionalIdPoolSize = poolSize;
            return this;
        }

        /** @return this, with {@code transaction.timeout.ms} for EXACTLY_ONCE (default 15 minutes) */
        public Builder<T> setTransactionTimeout(Duration timeout) {
            this.transactionTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** @return this, with a producer property (e.g. {@code linger.ms}); later calls win */
        public Builder<T> setProperty(String key, String value) {
            properties.setProperty(key, value);
            return this;
        }

        /**
         * @return the sink
         * @throws IllegalStateException if bootstrap servers or the serializer are missing, or the guarantee is
         *         EXACTLY_ONCE (built by {@link #buildExactlyOnce()})
         */
        public KafkaSink<T> build() {
            checkRequired();
            if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
                throw new IllegalStateException("KafkaSink writes with NONE or AT_LEAST_ONCE; for EXACTLY_ONCE use "
                        + "buildExactlyOnce() and KafkaExactlyOnceSink.addTo(stream)");
            }
            return new KafkaSink<>(this);
        }

        /**
         * @return the EXACTLY_ONCE sink, to be added with {@link KafkaExactlyOnceSink#addTo}
         * @throws IllegalStateException if bootstrap servers, the serializer or the transactional id prefix are
         *         missing, or the guarantee is not EXACTLY_ONCE
         */
        public KafkaExactlyOnceSink<T> buildExactlyOnce() {
            checkRequired();
            if (guarantee != DeliveryGuarantee.EXACTLY_ONCE) {
                throw new IllegalStateException("buildExactlyOnce() needs setDeliveryGuarantee(EXACTLY_ONCE); "
                        + guarantee + " is built by build()");
            }
            if (transactionalIdPrefix == null) {
                throw new IllegalStateException("An EXACTLY_ONCE KafkaSink needs a transactional id prefix "
                        + "(setTransactionalIdPrefix)");
            }
            return new KafkaExactlyOnceSink<>(properties, serializer, transactionalIdPrefix, transactionalIdPoolSize,
                    transactionTimeout);
        }

        private void checkRequired() {
            if (properties.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
                throw new IllegalStateException("KafkaSink needs bootstrap servers (setBootstrapServers)");
            }
            if (serializer == null) {
                throw new IllegalStateException("KafkaSink needs a serializer (setSerializer)");
            }
        }
    }
}
