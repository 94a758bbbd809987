package io.runnel.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.datagen.SequenceSource;
import io.runnel.connector.testing.PlannedFailures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The EXACTLY_ONCE Kafka sink end to end: seeded failures during a job, read back with
 * {@code isolation.level=read_committed}, every record exactly once. The number of seeds is
 * {@code runnel.kafka.exactlyonce.seeds} (default 20). And the process-wide registry of
 * {@link TransactionalProducerPool}: a producer whose pre-committed transaction no restored attempt takes is closed
 * once its transaction timeout has passed.
 */
class KafkaExactlyOnceSinkIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    static IntStream seeds() {
        return IntStream.rangeClosed(1, Integer.getInteger("runnel.kafka.exactlyonce.seeds", 20));
    }

    private static KafkaSink.Builder<String> exactlyOnce(String topic, String prefix) {
        return KafkaSink.<String>builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setSerializer(KafkaRecordSerializer.utf8Values(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(prefix)
                .setTransactionTimeout(Duration.ofMinutes(1));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRecordIsCommittedExactlyOnceAcrossInjectedFailures(int seed, @TempDir Path dir) throws Exception {
        String runId = "eo-" + seed;
        String topic = "sink-eo-" + seed;
        broker.createTopic(topic, 2);
        KafkaSinkIT.planFailures(runId, seed);
        StreamExecutionEnvironment env = KafkaSinkIT.failingEnvironment(dir);
        DataStream<String> stream = env.fromSource(new SequenceSource(0, KafkaSinkIT.N - 1), "numbers")
                .map(new KafkaSinkIT.FailureInjector(runId));
        exactlyOnce(topic, runId).buildExactlyOnce().addTo(stream);

        PlannedFailures.execute(env, "kafka sink exactly-once " + runId, KafkaSinkIT::isInjected);

        assertTrue(KafkaSinkIT.NEXT_FAILURE.get(runId).get() >= 1, "at least one failure was injected");
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, String> r : broker.readAll(topic, "read_committed")) {
            counts.merge(r.value(), 1, Integer::sum);
        }
        List<String> wrong = LongStream.range(0, KafkaSinkIT.N).mapToObj(String::valueOf)
                .filter(v -> counts.getOrDefault(v, 0) != 1).limit(10).toList();
        assertEquals(List.of(), wrong, "records not committed exactly once (first 10)");
        assertEquals(KafkaSinkIT.N, counts.size());
        // Aborted attempts wrote records too: the uncommitted view has more, so the test really saw failures.
        assertTrue(broker.readAll(topic, "read_uncommitted").size() >= KafkaSinkIT.N);
    }

    @Test
    void aLingeringTransactionOfACrashedAttemptIsAbortedAtStart() throws Exception {
        String topic = "sink-lingering";
        broker.createTopic(topic, 1);
        String prefix = "lingering";
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, TransactionalProducerPool.transactionalId(prefix, 0, 1));
        try (KafkaProducer<String, String> crashed =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            crashed.initTransactions();
            crashed.beginTransaction();
            crashed.send(new ProducerRecord<>(topic, "left open"));
            crashed.flush();

            StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
            env.setParallelism(1);
            env.enableCheckpointing(Duration.ofMillis(100));
            exactlyOnce(topic, prefix).buildExactlyOnce()
                    .addTo(env.fromSource(new SequenceSource(1, 100), "numbers").map(String::valueOf));
            env.execute("kafka sink lingering");

            assertThrows(KafkaException.class, crashed::commitTransaction, "the crashed producer is fenced");
        }
        List<String> committed = broker.readAll(topic, "read_committed").stream().map(ConsumerRecord::value).toList();
        assertEquals(LongStream.rangeClosed(1, 100).mapToObj(String::valueOf).sorted().toList(),
                committed.stream().sorted().toList());
    }

    @Test
    void refusesATransactionTimeoutNotAboveTheCheckpointInterval() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.enableCheckpointing(Duration.ofSeconds(90));
        DataStream<String> stream = env.fromSource(new SequenceSource(1, 10), "numbers").map(String::valueOf);
        KafkaExactlyOnceSink<String> sink = exactlyOnce("t", "timeout").buildExactlyOnce();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.addTo(stream));
        assertTrue(e.getMessage().contains("transaction.timeout.ms (60000 ms) must exceed the checkpoint interval "
                + "(90000 ms)"), e.getMessage());
    }

    // ---- the registry of producers kept for pre-committed transactions ----

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
