package io.runnel.connector.kafka;

import io.runnel.api.connector.source.SourceOutput;
import io.runnel.api.functions.Collector;
import io.runnel.connector.base.RecordEmitter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Deserializes a Kafka record, emits the results with the record's timestamp on the output of its partition (so
 * watermarks are generated per partition), and advances the partition's offset past the record.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the output type
 */
final class KafkaRecordEmitter<T> implements RecordEmitter<ConsumerRecord<byte[], byte[]>, T, KafkaSplitState> {

    private final KafkaRecordDeserializer<T> deserializer;
    private final TimestampedOutput<T> collector = new TimestampedOutput<>();

    KafkaRecordEmitter(KafkaRecordDeserializer<T> deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public void emitRecord(ConsumerRecord<byte[], byte[]> record, SourceOutput<T> output, KafkaSplitState state)
            throws Exception {
        collector.output = output;
        collector.timestamp = record.timestamp();
        deserializer.deserialize(record, collector);
        state.setNextOffset(record.offset() + 1);
    }

    /** Emits with the current record's timestamp; one reused instance per emitter. */
    private static final class TimestampedOutput<T> implements Collector<T> {

        private SourceOutput<T> output;
        private long timestamp;

        @Override
        public void collect(T value) {
            output.collect(value, timestamp);
        }
    }
}
