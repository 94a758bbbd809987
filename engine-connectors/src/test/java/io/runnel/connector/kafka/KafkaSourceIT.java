package io.runnel.connector.kafka;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobStatus;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.connector.collect.CollectSink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewPartitions;
import java.util.concurrent.locks.LockSupport;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link KafkaSource} against a real in-process broker: bounded reads, offsets in checkpoints, rescaling. */
class KafkaSourceIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    /** Emits {@code "partition:offset:value"}, so tests can tell every Kafka record apart. */
    static final class PositionDeserializer implements KafkaRecordDeserializer<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<String> out) {
            out.collect(record.partition() + ":" + record.offset() + ":"
                    + new String(record.value(), StandardCharsets.UTF_8));
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return TypeInformation.of(String.class);
        }
    }

    private static List<String> values(int n) {
        return IntStream.range(0, n).mapToObj(i -> "v" + i).toList();
    }

    private static KafkaSource.Builder<String> sourceOf(String topic) {
        return KafkaSource.<String>builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setTopics(topic)
                .setDeserializer(new PositionDeserializer());
    }

    @Test
    void boundedSourceReadsExactlyTheProducedRecords() throws Exception {
        String topic = "bounded";
        broker.createTopic(topic, 3);
        int n = 3_000;
        broker.produce(topic, values(n), i -> i % 3);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);

        List<String> out = CollectSink.executeAndCollect(env.fromSource(sourceOf(topic).setBounded().build(),
                "kafka"), "kafka bounded");

        List<String> expected = IntStream.range(0, n).mapToObj(i -> (i % 3) + ":" + (i / 3) + ":v" + i).toList();
        assertEquals(expected.stream().sorted().toList(), out.stream().sorted().toList());
    }

    @Test
    void patternSubscriptionReadsEveryMatchingTopicAndEmptyPartitionsEnd() throws Exception {
        broker.createTopic("pattern-a", 2);
        broker.createTopic("pattern-b", 1);
        broker.createTopic("other-c", 1);
        broker.produce("pattern-a", List.of("a0", "a1", "a2"), i -> 0);
        broker.produce("pattern-b", List.of("b0"), i -> 0);
        broker.produce("other-c", List.of("c0"), i -> 0);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(3);
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setTopicPattern(Pattern.compile("pattern-.*"))
                .setDeserializer(KafkaRecordDeserializer.utf8Values())
                .setBounded()
                .build();

        List<String> out = CollectSink.executeAndCollect(env.fromSource(source, "kafka"), "kafka pattern");

        assertEquals(List.of("a0", "a1", "a2", "b0"), out.stream().sorted().toList());
    }

    @Test
    void startsAtTheGroupsCommittedOffsetsOrAtATimestamp() throws Exception {
        String topic = "starting";
        broker.createTopic(topic, 1);
        broker.produce(topic, values(10), i -> 0);
        try (Admin admin = broker.admin()) {
            admin.alterConsumerGroupOffsets("starting-group",
                    Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(7))).all().get();
        }
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        KafkaSource<String> committed = sourceOf(topic).setGroupId("starting-group")
                .setStartingOffsets(KafkaStartingOffsets.committed()).setBounded().build();
        assertEquals(List.of("0:7:v7", "0:8:v8", "0:9:v9"),
                CollectSink.executeAndCollect(env.fromSource(committed, "kafka"), "committed"));

        // The test producer stamps record i with timestamp i.
        KafkaSource<String> fromTimestamp = sourceOf(topic).setStartingOffsets(KafkaStartingOffsets.timestamp(8))
                .setBounded().build();
        assertEquals(List.of("0:8:v8", "0:9:v9"),
                CollectSink.executeAndCollect(env.fromSource(fromTimestamp, "kafka"), "timestamp"));
    }

    /** Records of the discovery test as they arrive; thread-safe (one JVM). */
    static final Set<String> DISCOVERED = ConcurrentHashMap.newKeySet();

    @Test
    void anUnboundedSourceDiscoversNewPartitionsAndTopicsAndReadsThemFromTheStart() throws Exception {
        broker.createTopic("discovery-a", 1);
        broker.produce("discovery-a", values(100), i -> 0);
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setTopicPattern(Pattern.compile("discovery-.*"))
                .setStartingOffsets(KafkaStartingOffsets.latest())
                .setPartitionDiscoveryInterval(Duration.ofMillis(100))
                .setDeserializer(new PositionDeserializer())
                .build();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        env.fromSource(source, "kafka").addSink((value, context) -> DISCOVERED.add(value));
        JobClient client = env.executeAsync("kafka discovery");
        try {
            // The initial partition starts at "latest": a marker produced until one arrives shows the reader has
            // resolved that offset; the 100 records before it are never read.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (DISCOVERED.stream().noneMatch(v -> v.endsWith(":marker"))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the source read nothing within 1 min: " + DISCOVERED);
                }
                broker.produce("discovery-a", List.of("marker"), i -> 0);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            try (Admin admin = broker.admin()) {
                admin.createPartitions(Map.of("discovery-a", NewPartitions.increaseTo(2))).all().get();
            }
            broker.createTopic("discovery-b", 2);
            broker.produce("discovery-a", List.of("new-partition"), i -> 1);
            broker.produce("discovery-b", List.of("b0", "b1"), i -> i);
            // Produced before or after the discovery saw them: read from their first offset either way.
            Set<String> expected = Set.of("1:0:new-partition", "0:0:b0", "1:0:b1");
            while (!DISCOVERED.containsAll(expected)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("after 1 min the source read only " + DISCOVERED);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            assertTrue(DISCOVERED.stream().noneMatch(v -> v.matches("0:\\d+:v\\d+")),
                    "the records before the start (\"latest\") were not read: " + DISCOVERED);
        } finally {
            client.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    // ---- rescaling through a savepoint ----

    /** Per run: (partition, offset) keys and how often each arrived; the latch opens after enough records. */
    static final Map<String, Map<String, AtomicInteger>> SEEN = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> PROGRESS = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> COUNT = new ConcurrentHashMap<>();

    /** Sleeps a millisecond every 10 records, so that the first run is still busy when it is stopped. */
    static final class Throttle implements MapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private long n;

        @Override
        public String map(String value) throws InterruptedException {
            if (++n % 10 == 0) {
                Thread.sleep(1);
            }
            return value;
        }
    }

    /** Counts each (partition, offset) of a run; thread-safe through concurrent maps (one JVM). */
    record SeenSink(String runId, long progressAfter) implements Sink<String> {
        @Override
        public SinkWriter<String> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(String element, Context ctx) {
                    String key = element.substring(0, element.lastIndexOf(':'));
                    SEEN.get(runId).computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    if (COUNT.get(runId).incrementAndGet() == progressAfter) {
                        PROGRESS.get(runId).countDown();
                    }
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void resumesAtExactlyTheCheckpointedOffsetsAfterRescalingFromTwoToThreeReaders(@TempDir Path dir)
            throws Exception {
        String topic = "rescale";
        int partitions = 4;
        int n = 20_000;
        broker.createTopic(topic, partitions);
        broker.produce(topic, values(n), i -> i % partitions);

        Map<String, Integer> total = stopAndResume(topic, n, new int[] {2, 3}, false, dir, "first", "second");
        long firstCount = COUNT.get("first").get();
        List<String> repeated = new ArrayList<>();
        total.forEach((k, c) -> {
            if (c != 1) {
                repeated.add(k + "x" + c);
            }
        });
        assertEquals(List.of(), repeated, "records read more than once");
        assertEquals(n, total.size(), "records read (first run: " + firstCount + ")");
        assertTrue(COUNT.get("second").get() > 0, "the second run read the rest");
    }

    @Test
    void resumesABoundedRunWhoseSavepointHoldsAPartitionReadToItsEnd(@TempDir Path dir) throws Exception {
        String topic = "read-to-end";
        int n = 10_000;
        broker.createTopic(topic, 2);
        // Partition 0 gets 10 records, read to its end long before the stop; partition 1 the rest.
        broker.produce(topic, values(n), i -> i < 10 ? 0 : 1);

        Map<String, Integer> total = stopAndResume(topic, n, new int[] {1, 2}, true, dir, "bounded-first",
                "bounded-second");
        long firstCount = COUNT.get("bounded-first").get();
        assertEquals(n, total.size(), "records read (first run: " + firstCount + ")");
        assertTrue(total.values().stream().allMatch(c -> c == 1), "no record twice");
        // The group's offsets (monitoring only) reach the end of both partitions, committed by the final checkpoint.
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("rescale-group")
                    .partitionsToOffsetAndMetadata().get();
            assertEquals(10, committed.get(new TopicPartition(topic, 0)).offset());
            assertEquals(n - 10, committed.get(new TopicPartition(topic, 1)).offset());
        }
    }

    /**
     * Runs a job until it read 2,000 records, stops it with a savepoint, resumes it bounded to the end.
     *
     * @param parallelism of the first and of the resumed run
     * @return how often each (partition, offset) arrived over both runs
     */
    private Map<String, Integer> stopAndResume(String topic, int n, int[] parallelism, boolean firstBounded, Path dir,
                                               String firstRun, String secondRun) throws Exception {
        JobClient first = submit(topic, parallelism[0], null, firstBounded, dir, firstRun, 2_000);
        assertTrue(PROGRESS.get(firstRun).await(1, TimeUnit.MINUTES), "first run made progress");
        String savepoint = stopWithSavepoint(first, dir.resolve("savepoints").toString());
        assertEquals(JobStatus.FINISHED, first.getJobStatus().get());
        long firstCount = COUNT.get(firstRun).get();
        assertTrue(firstCount < n, "stopped mid-way, after " + firstCount + " of " + n + " records");

        JobClient second = submit(topic, parallelism[1], savepoint, true, dir, secondRun, -1);
        second.getJobExecutionResult().get(2, TimeUnit.MINUTES);
        Map<String, Integer> total = new java.util.HashMap<>();
        for (String run : List.of(firstRun, secondRun)) {
            SEEN.get(run).forEach((k, c) -> total.merge(k, c.get(), Integer::sum));
        }
        return total;
    }

    private JobClient submit(String topic, int parallelism, String savepoint, boolean bounded, Path dir,
                             String runId, long progressAfter) {
        SEEN.put(runId, new ConcurrentHashMap<>());
        PROGRESS.put(runId, new CountDownLatch(1));
        COUNT.put(runId, new AtomicLong());
        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.resolve("checkpoints").toString());
        if (savepoint != null) {
            conf.setString("execution.savepoint.path", savepoint);
        }
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(Duration.ofMillis(200));
        KafkaSource.Builder<String> source = sourceOf(topic).setGroupId("rescale-group");
        if (bounded) {
            source.setBounded();
        }
        env.fromSource(source.build(), "kafka").uid("kafka")
                .map(new Throttle()).uid("throttle")
                .sinkTo(new SeenSink(runId, progressAfter)).uid("seen");
        return env.executeAsync("kafka rescale " + runId);
    }

    /** Retries while the job's tasks are still being deployed (a savepoint needs every task running). */
    private static String stopWithSavepoint(JobClient client, String dir) throws Exception {
        for (int attempt = 0; ; attempt++) {
            CompletableFuture<String> f = client.stopWithSavepoint(false, dir);
            try {
                return f.get(1, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                if (attempt > 100 || !String.valueOf(e.getCause().getMessage()).contains("not every task is running")) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
