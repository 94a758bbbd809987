package io.runnel.connector.kafka;

import io.runnel.api.connector.source.SourceOutput;
import io.runnel.api.functions.Collector;
import io.runnel.connector.base.RecordEmitter;
import java.io.IOException;
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
        collector.failedDownstream = false;
        try {
            deserializer.deserialize(record, collector);
        } catch (Exception e) {
            if (collector.failedDownstream) {
                // An operator chained after the source failed: not this record's fault.
                throw e;
            }
            throw new IOException("Cannot deserialize the record at offset " + record.offset() + " of partition "
                    + record.partition() + " of topic '" + record.topic() + "': " + e.getMessage(), e);
        }
        state.setNextOffset(record.offset() + 1);
    }

    /** Emits with the current record's timestamp; one reused instance per emitter. */
    private static final class TimestampedOutput<T> implements Collector<T> {

        private SourceOutput<T> output;
        private long timestamp;
        /** Whether the last exception came from downstream of the source, not from the deserializer. */
        private boolean failedDownstream;

        @Override
        public void collect(T value) {
            try {
                output.collect(value, timestamp);
            } catch (RuntimeException | Error e) {
                failedDownstream = true;
                throw e;
            }
        }
    }
}
