package io.runnel.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The process-wide registry of {@link TransactionalProducerPool} against a real broker: a producer whose
 * pre-committed transaction no restored attempt takes is closed once its transaction timeout has passed, with
 * its network thread, and its records never become visible.
 */
class TransactionalProducerPoolIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aLingeringProducerNobodyResumesIsClosedAfterItsTransactionTimeout() throws Exception {
        String topic = "lingering-reaped";
        broker.createTopic(topic, 1);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 1_000);
        TransactionalProducerPool pool = new TransactionalProducerPool(config, "reaper-test", 0, 1);
        pool.initialize(1, 1);
        KafkaTransaction txn = pool.begin();
        pool.producer(txn).send(new ProducerRecord<>(topic, "never".getBytes(StandardCharsets.UTF_8))).get();
        pool.producer(txn).flush();
        // The task ends with the transaction pre-committed (a failure before its checkpoint's notice).
        pool.close();
        assertTrue(TransactionalProducerPool.isLingering(txn.token()));
        assertTrue(networkThreadAlive("reaper-test-0-0"), "the lingering producer keeps its network thread");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (TransactionalProducerPool.isLingering(txn.token()) || networkThreadAlive("reaper-test-0-0")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the producer still lingers 30 s after its 1 s transaction timeout");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertEquals(List.of(), broker.readAll(topic, "read_committed"), "the transaction was never committed");
    }

    private static boolean networkThreadAlive(String clientId) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().contains("kafka-producer-network-thread | " + clientId));
    }
}
