package io.runnel.connector.kafka;

import io.runnel.annotation.Public;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.typeutils.TypeInformation;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a Kafka record into zero or more records of a {@link KafkaSource}.
 *
 * <p><b>Contract:</b> an exception fails the task (the record's offset is not advanced past, so a restart reads it
 * again); the source wraps it in an {@link IOException} that names the topic, partition and offset of the record.
 * Emit nothing to skip a record. The emitted records carry the Kafka record's timestamp.
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

    /**
     * @param parse turns a value (UTF-8) into a record, or null to skip it (e.g. a header); an exception means a
     *     malformed value and fails the task with the record's topic, partition and offset
     * @param type the records' type
     * @return a deserializer of values parsed from UTF-8 text (null values are skipped)
     */
    static <T> KafkaRecordDeserializer<T> utf8Values(MapFunction<String, T> parse, TypeInformation<T> type) {
        return new ParsedUtf8Values<>(parse, type);
    }

    /**
     * The deserializer of {@link #utf8Values(MapFunction, TypeInformation)}.
     *
     * @param <T> the produced type
     */
    final class ParsedUtf8Values<T> implements KafkaRecordDeserializer<T> {

        private static final long serialVersionUID = 1L;
        private final MapFunction<String, T> parse;
        private final TypeInformation<T> type;

        ParsedUtf8Values(MapFunction<String, T> parse, TypeInformation<T> type) {
            this.parse = parse;
            this.type = type;
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException {
            if (record.value() == null) {
                return;
            }
            String text = new String(record.value(), StandardCharsets.UTF_8);
            T value;
            try {
                value = parse.map(text);
            } catch (Exception e) {
                throw new IOException(e.getMessage() + ": \"" + text + "\"", e);
            }
            if (value != null) {
                out.collect(value);
            }
        }

        @Override
        public TypeInformation<T> getProducedType() {
            return type;
        }
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
