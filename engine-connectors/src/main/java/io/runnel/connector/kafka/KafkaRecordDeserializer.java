package io.runnel.connector.kafka;

import io.runnel.annotation.Public;
import io.runnel.api.functions.Collector;
import io.runnel.api.typeutils.TypeInformation;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Turns a Kafka record into zero or more records of a {@link KafkaSource}.
 *
 * <p><b>Contract:</b> an exception fails the task (the record's offset is not advanced past, so a restart reads it
 * again); emit nothing to skip a record. The emitted records carry the Kafka record's timestamp.
 *
 * <p><b>Threading:</b> each reader uses its own deserialized copy on its task thread.
 *
 * @param <T> the produced type
 */
@Public
public interface KafkaRecordDeserializer<T> extends Serializable {

    /** Deserializes one record; {@code record.key()} and {@code record.value()} may be null. */
    void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException;

    /** @return the type of the records emitted */
    TypeInformation<T> getProducedType();

    /** @return a deserializer of the values as UTF-8 strings (null values are skipped) */
    static KafkaRecordDeserializer<String> utf8Values() {
        return new Utf8Values();
    }

    /** The deserializer of {@link #utf8Values()}. */
    final class Utf8Values implements KafkaRecordDeserializer<String> {

        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<String> out) {
            if (record.value() != null) {
                out.collect(new String(record.value(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return TypeInformation.of(String.class);
        }
    }
}
