package io.runnel.connector.kafka;

import io.runnel.annotation.Public;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Turns a record of a {@link KafkaSink} into a Kafka record: topic, optional partition and key, value, timestamp.
 *
 * <p><b>Contract:</b> an exception fails the task; must not return null.
 *
 * <p><b>Threading:</b> each sink subtask uses its own deserialized copy on its task thread.
 *
 * @param <T> the record type
 */
@Public
public interface KafkaRecordSerializer<T> extends Serializable {

    /**
     * @param element the record
     * @param timestamp the record's event time, or null if it has none
     * @return the Kafka record
     */
    ProducerRecord<byte[], byte[]> serialize(T element, Long timestamp);

    /** @return a serializer writing {@code String.valueOf(element)} as UTF-8 value, without key, to {@code topic} */
    static <T> KafkaRecordSerializer<T> utf8Values(String topic) {
        return new Utf8Values<>(topic);
    }

    /** The serializer of {@link #utf8Values(String)}. */
    record Utf8Values<T>(String topic) implements KafkaRecordSerializer<T> {

        @Override
        public ProducerRecord<byte[], byte[]> serialize(T element, Long timestamp) {
            return new ProducerRecord<>(topic, null, timestamp, null,
                    String.valueOf(element).getBytes(StandardCharsets.UTF_8));
        }
    }
}
