package io.runnel.connector.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker (KRaft combined broker and controller) inside the test JVM, with small
 * settings, plus the few client calls tests need (create a topic, produce, read everything back). Follows the
 * recipe in RECIPES.md; every use of the broker's internal classes is in this one class, because Kafka moves them
 * between minor versions.
 *
 * <p><b>Contract:</b> {@link #start()} returns once the broker accepts clients on {@link #bootstrapServers()};
 * Kafka's {@code Exit.exit/halt} throw an {@link IllegalStateException} while a broker runs, instead of ending
 * the test JVM without a report.
 *
 * <p><b>Threading:</b> start and close from the test thread; the client helpers are thread-safe (each opens its own
 * client).
 *
 * <p><b>Lifecycle:</b> {@link #start()} once (per test class), {@link #close()} once.
 */
final class EmbeddedKafkaBroker implements AutoCloseable {

    private Path logDir;
    private KafkaRaftServer server;
    private String bootstrapServers;

    /** @return a started broker */
    static EmbeddedKafkaBroker start() throws Exception {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker();
        broker.startServer();
        return broker;
    }

    private void startServer() throws Exception {
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka called exit(" + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("Kafka called halt(" + code + "): " + message);
        });
        long startNanos = System.nanoTime();
        logDir = Files.createTempDirectory("runnel-kafka-");
        int brokerPort = freePort();
        int controllerPort = freePort();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        props.put("num.partitions", "1");
        // Lets tests check that a sink refuses a timeout above the broker's limit without waiting 15 minutes.
        props.put("transaction.max.timeout.ms", "900000");

        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setControllerListenerName("CONTROLLER");
        formatter.run();

        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        bootstrapServers = "127.0.0.1:" + brokerPort;
        waitUntilReady();
        System.out.printf("embedded Kafka broker at %s started in %d ms%n", bootstrapServers,
                (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void waitUntilReady() throws Exception {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get();
        }
    }

    /** @return {@code host:port} of the broker's client listener */
    String bootstrapServers() {
        return bootstrapServers;
    }

    /** @return an admin client for this broker; the caller closes it */
    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Creates a topic and waits until the broker leads every partition. Producing right after the controller
     * accepted the topic can meet NOT_LEADER_OR_FOLLOWER on the first batch, and an idempotent producer with
     * several batches in flight then fails with OutOfOrderSequence until its delivery timeout (seen once here).
     */
    void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            Map<TopicPartition, OffsetSpec> all = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                all.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    // Answered by the partition leader only: succeeds once the broker has every partition.
                    admin.listOffsets(all).all().get();
                    return;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(10);
                }
            }
        }
    }

    /** Sends {@code values[i]} to {@code partitionOf(i)} and waits until all are acknowledged. */
    void produce(String topic, List<String> values, java.util.function.IntUnaryOperator partitionOf) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, partitionOf.applyAsInt(i), (long) i, null, values.get(i)));
            }
            producer.flush();
        }
    }

    /**
     * Reads every record of a topic up to its current end with a consumer of the given isolation level.
     *
     * @param isolationLevel {@code read_committed} or {@code read_uncommitted}
     */
    List<ConsumerRecord<String, String>> readAll(String topic, String isolationLevel) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to " + end);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(out::add);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        Exit.resetExitProcedure();
        Exit.resetHaltProcedure();
        if (logDir != null) {
            try (Stream<Path> files = Files.walk(logDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
