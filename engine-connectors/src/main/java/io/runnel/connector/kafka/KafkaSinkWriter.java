package io.runnel.connector.kafka;

import io.runnel.annotation.TaskThread;
import io.runnel.api.connector.sink.SinkWriter;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends records with one {@link KafkaProducer}; with {@link DeliveryGuarantee#AT_LEAST_ONCE} every checkpoint
 * (the runtime calls {@link #flush} at each barrier) waits until all records sent so far are acknowledged.
 *
 * <p><b>Contract:</b> the first asynchronous send failure fails the task at the next write or flush, so a checkpoint
 * never completes over a lost record (AT_LEAST_ONCE). The end of input always flushes.
 *
 * <p><b>Threading:</b> task thread only; send callbacks run on the producer's I/O thread and only set
 * {@code asyncError}.
 *
 * <p><b>Lifecycle:</b> created by {@link KafkaSink#createWriter}; {@link #close()} closes the producer.
 *
 * @param <T> the record type
 */
final class KafkaSinkWriter<T> implements SinkWriter<T> {

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaRecordSerializer<T> serializer;
    private final DeliveryGuarantee guarantee;
    private final AtomicReference<Exception> asyncError = new AtomicReference<>();
    private final Callback callback = (metadata, error) -> {
        if (error != null) {
            asyncError.compareAndSet(null, error);
        }
    };

    KafkaSinkWriter(Map<String, Object> producerConfig, KafkaRecordSerializer<T> serializer,
                    DeliveryGuarantee guarantee) {
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        this.serializer = serializer;
        this.guarantee = guarantee;
    }

    @Override
    @TaskThread
    public void write(T element, Context context) throws IOException {
        checkAsyncError();
        producer.send(serializer.serialize(element, context.timestamp()), callback);
    }

    @Override
    @TaskThread
    public void flush(boolean endOfInput) throws IOException {
        if (endOfInput || guarantee == DeliveryGuarantee.AT_LEAST_ONCE) {
            producer.flush();
        }
        checkAsyncError();
    }

    private void checkAsyncError() throws IOException {
        Exception e = asyncError.get();
        if (e != null) {
            throw new IOException("Sending a record to Kafka failed", e);
        }
    }

    /** Closes the producer; a cancelled task's thread may be interrupted, which would cut the close short. */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            producer.close(Duration.ofSeconds(10));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
