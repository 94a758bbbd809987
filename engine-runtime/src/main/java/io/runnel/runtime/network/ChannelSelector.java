package io.runnel.runtime.network;

import io.runnel.api.functions.KeySelector;
import io.runnel.graph.PartitionerSpec;
import io.runnel.state.KeyGroupRangeAssignment;
import java.util.SplittableRandom;

/**
 * Chooses the consumer subtask (subpartition) of each record, per {@link PartitionerSpec}.
 *
 * <p><b>Threading:</b> producer task thread only (round-robin counters are plain fields).
 *
 * @param <T> the record type
 */
public abstract class ChannelSelector<T> {

    /** Marker result: send to every channel. */
    public static final int BROADCAST = -1;

    /**
     * @return the channel index in {@code [0, numberOfChannels)}, or {@link #BROADCAST}
     * @throws Exception if a user key selector throws
     */
    public abstract int selectChannel(T value) throws Exception;

    /**
     * @param spec the edge's partitioner
     * @param producerIndex this producer's subtask index
     * @param producerParallelism the producer's parallelism
     * @param numberOfChannels the consumer's parallelism
     * @param consumerMaxParallelism the consumer's number of key groups
     */
    @SuppressWarnings("unchecked")
    public static <T> ChannelSelector<T> create(PartitionerSpec spec, int producerIndex, int producerParallelism,
                                                int numberOfChannels, int consumerMaxParallelism) {
        if (numberOfChannels == 1 && spec.kind() == PartitionerSpec.Kind.HASH) {
            return new SingleKeyed<>((KeySelector<T, ?>) spec.keySelector());
        }
        if (numberOfChannels == 1 && spec.kind() != PartitionerSpec.Kind.BROADCAST) {
            return constant(0);
        }
        switch (spec.kind()) {
            case FORWARD: return constant(producerIndex);
            case BROADCAST: return constant(BROADCAST);
            case REBALANCE: return new RoundRobin<>(0, numberOfChannels, producerIndex);
            case RESCALE: return rescale(producerIndex, producerParallelism, numberOfChannels);
            case SHUFFLE: return new Shuffle<>(numberOfChannels, producerIndex);
            case HASH:
                return new KeyGroupHash<>((KeySelector<T, ?>) spec.keySelector(), numberOfChannels,
                        consumerMaxParallelism);
            default: throw new IllegalArgumentException("unknown partitioner " + spec);
        }
    }

    private static <T> ChannelSelector<T> constant(int channel) {
        return new ChannelSelector<>() {
            @Override
            public int selectChannel(T value) {
                return channel;
            }
        };
    }

    /** Pointwise groups, as Flink's rescale: each producer feeds a contiguous block of consumers, or shares one. */
    private static <T> ChannelSelector<T> rescale(int producer, int producers, int consumers) {
        if (consumers >= producers) {
            int from = producer * consumers / producers;
            int to = (producer + 1) * consumers / producers;
            return new RoundRobin<>(from, to - from, 0);
        }
        return constant(producer * consumers / producers);
    }

    private static final class RoundRobin<T> extends ChannelSelector<T> {
        private final int first;
        private final int count;
        private int next;

        RoundRobin(int first, int count, int start) {
            this.first = first;
            this.count = count;
            this.next = start % count;
        }

        @Override
        public int selectChannel(T value) {
            int c = first + next;
            next = next + 1 == count ? 0 : next + 1;
            return c;
        }
    }

    private static final class Shuffle<T> extends ChannelSelector<T> {
        private final SplittableRandom random;
        private final int channels;

        Shuffle(int channels, int seed) {
            this.random = new SplittableRandom(seed);
            this.channels = channels;
        }

        @Override
        public int selectChannel(T value) {
            return random.nextInt(channels);
        }
    }

    /**
     * Hash partitioning to one consumer: every key group belongs to it, so the key is extracted only so that a key
     * selector that throws or returns null fails here, as it would with more consumers; the hash is skipped.
     */
    private static final class SingleKeyed<T> extends ChannelSelector<T> {
        private final KeySelector<T, ?> keySelector;

        SingleKeyed(KeySelector<T, ?> keySelector) {
            this.keySelector = keySelector;
        }

        @Override
        public int selectChannel(T value) throws Exception {
            KeyGroupRangeAssignment.checkKey(keySelector.getKey(value));
            return 0;
        }
    }

    private static final class KeyGroupHash<T> extends ChannelSelector<T> {
        private final KeySelector<T, ?> keySelector;
        private final int channels;
        private final int maxParallelism;

        KeyGroupHash(KeySelector<T, ?> keySelector, int channels, int maxParallelism) {
            this.keySelector = keySelector;
            this.channels = channels;
            this.maxParallelism = maxParallelism;
        }

        @Override
        public int selectChannel(T value) throws Exception {
            int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(keySelector.getKey(value), maxParallelism);
            return KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, channels, keyGroup);
        }
    }
}
