package io.runnel.connector.kafka;

import io.runnel.annotation.TaskThread;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.connector.base.SourceReaderBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reader of a {@link KafkaSource}: its assigned partitions are read on a fetcher thread by a
 * {@link KafkaPartitionSplitReader}; a snapshot holds each partition's next offset, and once a checkpoint completes
 * those offsets are committed to the consumer group, for monitoring only (a restore uses the checkpoint).
 *
 * <p><b>Threading:</b> task thread only, besides the fetcher thread of {@link SourceReaderBase}.
 *
 * <p><b>Lifecycle:</b> splits are pushed by the enumerator; the reader never asks for them.
 *
 * @param <T> the record type
 */
final class KafkaSourceReader<T>
        extends SourceReaderBase<ConsumerRecord<byte[], byte[]>, T, KafkaPartitionSplit, KafkaSplitState> {

    private final KafkaPartitionSplitReader splitReader;
    /** Owner: task thread. Offsets to commit per checkpoint id, for checkpoints not yet completed. */
    private final TreeMap<Long, Map<TopicPartition, OffsetAndMetadata>> offsetsToCommit = new TreeMap<>();
    /**
     * Owner: task thread. The end offsets of splits that finished, until a completed checkpoint commits them
     * (so the group's offsets reach the end of a bounded read, as Flink's reader does).
     */
    private final Map<TopicPartition, OffsetAndMetadata> finishedOffsets = new HashMap<>();

    KafkaSourceReader(KafkaPartitionSplitReader splitReader, KafkaRecordEmitter<T> emitter,
                      SourceReaderContext context) {
        super(splitReader, emitter, context);
        this.splitReader = splitReader;
    }

    @Override
    protected KafkaSplitState initializedState(KafkaPartitionSplit split) {
        return new KafkaSplitState(split);
    }

    @Override
    protected KafkaPartitionSplit toSplitType(String splitId, KafkaSplitState state) {
        // Before its first record a split's offsets are the ones the fetcher resolved, if it has resolved them.
        KafkaPartitionSplit base = splitReader.resolvedSplits().getOrDefault(splitId, state.split());
        long next = state.nextOffset() >= 0 ? state.nextOffset() : base.startingOffset();
        return new KafkaPartitionSplit(base.topic(), base.partition(), next, base.stoppingOffset());
    }

    @Override
    protected void onSplitFinished(Map<String, KafkaSplitState> finishedSplitStates) {
        // Nothing to ask for (the enumerator pushes splits to their owners); remember where each ended.
        finishedSplitStates.forEach((id, state) -> {
            KafkaPartitionSplit end = toSplitType(id, state);
            if (end.startingOffset() >= 0) {
                finishedOffsets.put(new TopicPartition(end.topic(), end.partition()),
                        new OffsetAndMetadata(end.startingOffset()));
            }
        });
    }

    @Override
    @TaskThread
    public List<KafkaPartitionSplit> snapshotState(long checkpointId) {
        List<KafkaPartitionSplit> splits = super.snapshotState(checkpointId);
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(finishedOffsets);
        for (KafkaPartitionSplit split : splits) {
            if (split.startingOffset() >= 0) {
                offsets.put(new TopicPartition(split.topic(), split.partition()),
                        new OffsetAndMetadata(split.startingOffset()));
            }
        }
        offsetsToCommit.put(checkpointId, offsets);
        return splits;
    }

    @Override
    @TaskThread
    public void notifyCheckpointComplete(long checkpointId) {
        Map<TopicPartition, OffsetAndMetadata> offsets = offsetsToCommit.get(checkpointId);
        // Older pending checkpoints are subsumed by this one.
        offsetsToCommit.headMap(checkpointId, true).clear();
        if (offsets != null) {
            splitReader.enqueueCommit(offsets);
            offsets.forEach(finishedOffsets::remove);
        }
    }
}
