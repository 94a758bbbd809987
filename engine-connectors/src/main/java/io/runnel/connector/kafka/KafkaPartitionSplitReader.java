package io.runnel.connector.kafka;

import io.runnel.connector.base.RecordsBySplits;
import io.runnel.connector.base.RecordsWithSplitIds;
import io.runnel.connector.base.SplitReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads the assigned partitions with one {@link KafkaConsumer} ({@code assign}, {@code seek}, {@code poll}; no
 * group membership), stops each partition before its stopping offset in bounded mode, and commits offsets to the
 * consumer group when the reader asks.
 *
 * <p><b>Contract:</b> a split's starting offset is resolved when the split is added (see
 * {@link KafkaStartingOffsets}); records at or after a split's stopping offset are dropped, and the split is
 * reported finished once the consumer's position reaches it (also when it starts there: an empty range).
 * Resolved positions are published through {@link #resolvedSplits()} so that a snapshot taken before the first
 * record of a split still holds a concrete offset.
 *
 * <p><b>Threading:</b> the consumer and {@code assigned} are the fetcher thread's only (the SplitReader
 * contract); {@link #enqueueCommit} and {@link #resolvedSplits()} may be called by the task
 * thread (a concurrent queue and a concurrent map).
 *
 * <p><b>Lifecycle:</b> the consumer is created in the constructor and closed by {@link #close()}.
 */
final class KafkaPartitionSplitReader implements SplitReader<ConsumerRecord<byte[], byte[]>, KafkaPartitionSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPartitionSplitReader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaStartingOffsets startingOffsets;
    private final boolean bounded;
    /** Fetcher thread only: the assigned unfinished partitions and the offset each stops before. */
    private final Map<TopicPartition, Long> assigned = new LinkedHashMap<>();
    /** Fetcher thread only: splits that start at their stopping offset, reported finished by the next fetch. */
    private final Set<String> emptySplits = new java.util.LinkedHashSet<>();
    /** Written by the fetcher thread, read by the task thread: splits with their resolved offsets, by split id. */
    private final Map<String, KafkaPartitionSplit> resolved = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Map<TopicPartition, OffsetAndMetadata>> pendingCommits =
            new ConcurrentLinkedQueue<>();
    private final boolean commitsEnabled;

    KafkaPartitionSplitReader(Map<String, Object> consumerConfig, KafkaStartingOffsets startingOffsets,
                              boolean bounded) {
        this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.startingOffsets = startingOffsets;
        this.bounded = bounded;
        this.commitsEnabled = consumerConfig.get("group.id") != null;
    }

    /** @return the splits with resolved offsets, by id; thread-safe */
    Map<String, KafkaPartitionSplit> resolvedSplits() {
        return resolved;
    }

    /** Asks the fetcher thread to commit these offsets (for monitoring) at its next fetch; thread-safe. */
    void enqueueCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (commitsEnabled && !offsets.isEmpty()) {
            pendingCommits.add(offsets);
        }
    }

    @Override
    public void handleSplitsChanges(List<KafkaPartitionSplit> splitsToAdd) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>(assigned);
        for (KafkaPartitionSplit split : splitsToAdd) {
            next.put(new TopicPartition(split.topic(), split.partition()), split.stoppingOffset());
        }
        consumer.assign(next.keySet());
        for (KafkaPartitionSplit split : splitsToAdd) {
            TopicPartition tp = new TopicPartition(split.topic(), split.partition());
            long start = split.startingOffset() >= 0 ? split.startingOffset()
                    : split.startingOffset() == KafkaPartitionSplit.EARLIEST_OFFSET
                    ? consumer.beginningOffsets(List.of(tp)).get(tp) : resolveStart(tp);
            consumer.seek(tp, start);
            long stop = stoppingOffset(split, tp);
            next.put(tp, stop);
            resolved.put(split.splitId(), new KafkaPartitionSplit(split.topic(), split.partition(), start, stop));
            if (start >= stop) {
                emptySplits.add(split.splitId());
                next.remove(tp);
            }
        }
        assigned.clear();
        assigned.putAll(next);
        consumer.assign(assigned.keySet());
    }

    private long resolveStart(TopicPartition tp) {
        switch (startingOffsets.kind()) {
            case EARLIEST:
                return consumer.beginningOffsets(List.of(tp)).get(tp);
            case LATEST:
                return consumer.endOffsets(List.of(tp)).get(tp);
            case COMMITTED: {
                OffsetAndMetadata committed = commitsEnabled ? consumer.committed(Set.of(tp)).get(tp) : null;
                return committed != null ? committed.offset() : consumer.beginningOffsets(List.of(tp)).get(tp);
            }
            case TIMESTAMP: {
                OffsetAndTimestamp at = consumer.offsetsForTimes(Map.of(tp, startingOffsets.timestampMillis())).get(tp);
                return at != null ? at.offset() : consumer.endOffsets(List.of(tp)).get(tp);
            }
            default:
                throw new IllegalStateException("unknown starting offsets " + startingOffsets);
        }
    }

    private long stoppingOffset(KafkaPartitionSplit split, TopicPartition tp) {
        if (!bounded) {
            return KafkaPartitionSplit.NO_STOPPING_OFFSET;
        }
        if (split.stoppingOffset() >= 0 && split.stoppingOffset() != KafkaPartitionSplit.NO_STOPPING_OFFSET) {
            return split.stoppingOffset();
        }
        // With read_committed this is the last stable offset: the end of what a reader may see now.
        return consumer.endOffsets(List.of(tp)).get(tp);
    }

    @Override
    public RecordsWithSplitIds<ConsumerRecord<byte[], byte[]>> fetch() {
        commitPending();
        RecordsBySplits.Builder<ConsumerRecord<byte[], byte[]>> batch = RecordsBySplits.builder();
        if (!emptySplits.isEmpty()) {
            emptySplits.forEach(batch::addFinishedSplit);
            emptySplits.clear();
            return batch.build();
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        for (TopicPartition tp : records.partitions()) {
            long stop = assigned.getOrDefault(tp, KafkaPartitionSplit.NO_STOPPING_OFFSET);
            String splitId = tp.topic() + "-" + tp.partition();
            for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                if (record.offset() < stop) {
                    batch.add(splitId, record);
                }
            }
        }
        if (bounded) {
            finishReachedPartitions(batch);
        }
        return batch.build();
    }

    private void finishReachedPartitions(RecordsBySplits.Builder<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, Long> remaining = new LinkedHashMap<>();
        assigned.forEach((tp, stop) -> {
            if (consumer.position(tp) >= stop) {
                batch.addFinishedSplit(tp.topic() + "-" + tp.partition());
            } else {
                remaining.put(tp, stop);
            }
        });
        if (remaining.size() != assigned.size()) {
            assigned.clear();
            assigned.putAll(remaining);
            consumer.assign(assigned.keySet());
        }
    }

    private void commitPendingBeforeClose() {
        Map<TopicPartition, OffsetAndMetadata> merged = new HashMap<>();
        for (Map<TopicPartition, OffsetAndMetadata> c; (c = pendingCommits.poll()) != null; ) {
            merged.putAll(c);
        }
        if (merged.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(merged, Duration.ofSeconds(5));
        } catch (KafkaException e) {
            LOG.warn("Committing offsets {} to the consumer group at close failed (they are only for monitoring)",
                    merged, e);
        }
    }

    private void commitPending() {
        Map<TopicPartition, OffsetAndMetadata> merged = new HashMap<>();
        for (Map<TopicPartition, OffsetAndMetadata> c; (c = pendingCommits.poll()) != null; ) {
            merged.putAll(c);
        }
        if (!merged.isEmpty()) {
            consumer.commitAsync(merged, (offsets, error) -> {
                if (error != null) {
                    LOG.warn("Committing offsets {} to the consumer group failed (they are only for monitoring; "
                            + "the job resumes from its checkpoints)", offsets, error);
                }
            });
        }
    }

    /**
     * Does nothing: {@code KafkaConsumer.wakeup()} would also break the next metadata call in
     * {@link #handleSplitsChanges}, and a poll returns within {@code POLL_TIMEOUT} (200 ms) anyway.
     */
    @Override
    public void wakeUp() {
    }

    /**
     * Commits what completed checkpoints left to commit (the final checkpoint's offsets arrive just before the
     * task ends), then closes the consumer; the fetcher thread may be interrupted by then, which would make the
     * close fail.
     */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            commitPendingBeforeClose();
            consumer.close(Duration.ofSeconds(5));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
