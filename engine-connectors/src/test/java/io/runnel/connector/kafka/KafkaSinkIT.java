package io.runnel.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.common.Configuration;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.MapFunction;
import io.runnel.connector.datagen.SequenceSource;
import io.runnel.connector.testing.PlannedFailures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link KafkaSink} against a real in-process broker, with and without injected failures. */
class KafkaSinkIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @ParameterizedTest
    @EnumSource(value = DeliveryGuarantee.class, names = {"NONE", "AT_LEAST_ONCE"})
    void boundedJobWritesEveryRecordOnce(DeliveryGuarantee guarantee) throws Exception {
        String topic = "sink-" + guarantee;
        broker.createTopic(topic, 3);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        env.fromSource(new SequenceSource(0, 9_999), "numbers")
                .map(String::valueOf)
                .sinkTo(KafkaSink.<String>builder()
                        .setBootstrapServers(broker.bootstrapServers())
                        .setSerializer(KafkaRecordSerializer.utf8Values(topic))
                        .setDeliveryGuarantee(guarantee)
                        .build());

        env.execute("kafka sink " + guarantee);

        List<String> read = broker.readAll(topic, "read_uncommitted").stream().map(ConsumerRecord::value).toList();
        assertEquals(LongStream.range(0, 10_000).mapToObj(String::valueOf).sorted().toList(),
                read.stream().sorted().toList());
    }

    @Test
    void exactlyOnceIsRefusedByTheWriterSink() {
        KafkaSink.Builder<String> builder = KafkaSink.<String>builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setSerializer(KafkaRecordSerializer.utf8Values("t"))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE);
        assertThrows(IllegalStateException.class, builder::build);
    }

    // ---- failures ----

    static final long N = 20_000;
    static final int FAILURES = 3;
    static final Map<String, long[]> POSITIONS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> NEXT_FAILURE = new ConcurrentHashMap<>();
    static final Map<String, AtomicBoolean> CHECKPOINTED = new ConcurrentHashMap<>();

    /** Throws once at each planned position that comes after a completed checkpoint. */
    /** @return whether {@code t} is a failure that {@link FailureInjector} threw */
    static boolean isInjected(Throwable t) {
        return t instanceof IllegalStateException && String.valueOf(t.getMessage()).startsWith("injected failure ");
    }

    static final class FailureInjector implements MapFunction<Long, String>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final String runId;
        private long n;

        FailureInjector(String runId) {
            this.runId = runId;
        }

        @Override
        public String map(Long v) throws InterruptedException {
            long[] positions = POSITIONS.get(runId);
            AtomicInteger next = NEXT_FAILURE.get(runId);
            int i = next.get();
            if (i < positions.length && v >= positions[i] && CHECKPOINTED.get(runId).get()
                    && next.compareAndSet(i, i + 1)) {
                CHECKPOINTED.get(runId).set(false);
                throw new IllegalStateException("injected failure " + (i + 1) + " at " + v);
            }
            if (++n % 20 == 0) {
                // Slow enough that checkpoints complete between the planned failures.
                Thread.sleep(1);
            }
            return String.valueOf(v);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.get(runId).set(true);
        }
    }

    static void planFailures(String runId, int seed) {
        Random random = new Random(seed);
        long[] positions = new long[FAILURES];
        for (int i = 0; i < FAILURES; i++) {
            positions[i] = N / 20 + (long) (random.nextDouble() * (N / 2));
        }
        Arrays.sort(positions);
        POSITIONS.put(runId, positions);
        NEXT_FAILURE.put(runId, new AtomicInteger());
        CHECKPOINTED.put(runId, new AtomicBoolean());
    }

    static StreamExecutionEnvironment failingEnvironment(Path dir) {
        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.toUri().toString());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofMillis(50));
        env.setRestartStrategy(RestartStrategies.fixedDelay(FAILURES + 2, Duration.ZERO));
        return env;
    }

    static IntStream seeds() {
        return IntStream.rangeClosed(1, Integer.getInteger("runnel.kafka.seeds", 3));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void atLeastOnceLosesNoRecordAcrossInjectedFailures(int seed, @TempDir Path dir) throws Exception {
        String runId = "alo-" + seed;
        String topic = "sink-alo-" + seed;
        broker.createTopic(topic, 2);
        planFailures(runId, seed);
        StreamExecutionEnvironment env = failingEnvironment(dir);
        env.fromSource(new SequenceSource(0, N - 1), "numbers")
                .map(new FailureInjector(runId))
                .sinkTo(KafkaSink.<String>builder()
                        .setBootstrapServers(broker.bootstrapServers())
                        .setSerializer(KafkaRecordSerializer.utf8Values(topic))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build());

        PlannedFailures.execute(env, "kafka sink at-least-once " + runId, KafkaSinkIT::isInjected);

        assertTrue(NEXT_FAILURE.get(runId).get() >= 1, "at least one failure was injected");
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, String> r : broker.readAll(topic, "read_uncommitted")) {
            counts.merge(r.value(), 1, Integer::sum);
        }
        List<String> missing = LongStream.range(0, N).mapToObj(String::valueOf)
                .filter(v -> !counts.containsKey(v)).limit(10).toList();
        assertEquals(List.of(), missing, "records lost");
        assertEquals(N, counts.size());
    }
}
