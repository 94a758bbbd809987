package io.runnel.connector.kafka;

import io.runnel.annotation.MainThread;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers the partitions of a {@link KafkaSource}'s topics and assigns each partition to one reader, the owner
 * {@code floorMod(31 * topic.hashCode() + partition, parallelism)}, so the mapping is stable for a given
 * parallelism and spreads the partitions of one topic evenly.
 *
 * <p><b>Contract:</b> every discovered partition is assigned exactly once (plus once more for each time it comes
 * back through {@link #addSplitsBack}); a split for a reader that has not registered yet waits until it does.
 * In bounded mode each reader is told that no more splits follow once it has received its own. After a restore
 * the partitions already assigned stay with the readers that hold them in their state (the runtime redistributes
 * reader state on rescaling); only partitions never assigned are assigned again.
 *
 * <p><b>Threading:</b> JobManager main thread only. Partition discovery is a blocking metadata request made once
 * in {@link #start()} (bounded by {@code default.api.timeout.ms}); partitions added later are not picked up.
 *
 * <p><b>Lifecycle:</b> created or restored, {@link #start()} once, then events, {@link #close()}.
 */
final class KafkaSplitEnumerator implements SplitEnumerator<KafkaPartitionSplit, KafkaEnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSplitEnumerator.class);

    private final SplitEnumeratorContext<KafkaPartitionSplit> context;
    private final KafkaSubscription subscription;
    private final Map<String, Object> consumerConfig;
    private final boolean bounded;
    /** ms between partition discoveries while the job runs (unbounded only), or 0 for none. */
    private final long discoveryIntervalMillis;
    private final Set<String> assignedSplitIds;
    /** Splits waiting for their owner to register, by split id in discovery order. */
    private final Map<String, KafkaPartitionSplit> pendingSplits = new LinkedHashMap<>();
    /** Whether discovery ran in this attempt (a restored enumerator discovers partitions it does not know). */
    private boolean discovered;

    KafkaSplitEnumerator(SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSubscription subscription,
                         Map<String, Object> consumerConfig, boolean bounded, long discoveryIntervalMillis,
                         KafkaEnumeratorState restored) {
        this.context = context;
        this.subscription = subscription;
        this.consumerConfig = consumerConfig;
        this.bounded = bounded;
        this.discoveryIntervalMillis = discoveryIntervalMillis;
        this.assignedSplitIds = new HashSet<>(restored.assignedSplitIds());
        restored.pendingSplits().forEach(s -> pendingSplits.put(s.splitId(), s));
    }

    @Override
    @MainThread
    public void start() {
        for (KafkaPartitionSplit split : discoverPartitions()) {
            if (!assignedSplitIds.contains(split.splitId())) {
                pendingSplits.putIfAbsent(split.splitId(), split);
            }
        }
        discovered = true;
        for (int reader : context.registeredReaders()) {
            assignPendingSplits(reader);
        }
        if (!bounded && discoveryIntervalMillis > 0) {
            context.callAsync(this::discoverPartitions, this::addDiscoveredPartitions, discoveryIntervalMillis,
                    discoveryIntervalMillis);
        }
    }

    /**
     * Periodic discovery (unbounded): partitions and topics that appeared since the start are read from their
     * first offset and go to their owners at once. A failed discovery is logged and the next one tries again.
     */
    @MainThread
    private void addDiscoveredPartitions(List<KafkaPartitionSplit> splits, Throwable error) {
        if (error != null) {
            LOG.warn("Kafka partition discovery for {} failed; retrying in {} ms", subscription,
                    discoveryIntervalMillis, error);
            return;
        }
        boolean added = false;
        for (KafkaPartitionSplit split : splits) {
            if (!assignedSplitIds.contains(split.splitId()) && !pendingSplits.containsKey(split.splitId())) {
                LOG.info("Discovered Kafka partition {}; reading it from its first offset", split.splitId());
                pendingSplits.put(split.splitId(), new KafkaPartitionSplit(split.topic(), split.partition(),
                        KafkaPartitionSplit.EARLIEST_OFFSET, split.stoppingOffset()));
                added = true;
            }
        }
        if (added) {
            for (int reader : context.registeredReaders()) {
                assignPendingSplits(reader);
            }
        }
    }

    private List<KafkaPartitionSplit> discoverPartitions() {
        long stopping = bounded ? KafkaPartitionSplit.UNSET_OFFSET : KafkaPartitionSplit.NO_STOPPING_OFFSET;
        List<KafkaPartitionSplit> splits = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (PartitionInfo info : subscription.partitions(consumer, Duration.ofSeconds(60))) {
                splits.add(new KafkaPartitionSplit(info.topic(), info.partition(), KafkaPartitionSplit.UNSET_OFFSET,
                        stopping));
            }
        }
        splits.sort(Comparator.comparing(KafkaPartitionSplit::topic).thenComparingInt(KafkaPartitionSplit::partition));
        return splits;
    }

    /** @return the reader that owns a partition at the current parallelism */
    static int owner(String topic, int partition, int parallelism) {
        return Math.floorMod(31 * topic.hashCode() + partition, parallelism);
    }

    private void assignPendingSplits(int reader) {
        int parallelism = context.currentParallelism();
        var it = pendingSplits.values().iterator();
        while (it.hasNext()) {
            KafkaPartitionSplit split = it.next();
            if (owner(split.topic(), split.partition(), parallelism) == reader) {
                context.assignSplit(split, reader);
                assignedSplitIds.add(split.splitId());
                it.remove();
            }
        }
        if (bounded && discovered) {
            context.signalNoMoreSplits(reader);
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId) {
        // Splits are pushed to their owners; readers never ask.
    }

    @Override
    @MainThread
    public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
        // A failed reader's splits since its last checkpoint: handed out again when the reader registers anew.
        for (KafkaPartitionSplit split : splits) {
            assignedSplitIds.remove(split.splitId());
            pendingSplits.put(split.splitId(), split);
        }
    }

    @Override
    @MainThread
    public void addReader(int subtaskId) {
        if (discovered) {
            assignPendingSplits(subtaskId);
        }
    }

    @Override
    @MainThread
    public KafkaEnumeratorState snapshotState(long checkpointId) {
        return new KafkaEnumeratorState(assignedSplitIds, new ArrayList<>(pendingSplits.values()));
    }
}
