package io.runnel.runtime.network;

import io.runnel.annotation.GuardedBy;
import io.runnel.annotation.TaskThread;
import io.runnel.annotation.ThreadSafe;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The input of a consumer task: one {@link InputChannel} per (input edge, producer subtask). Channels with data
 * wait in a queue, served round robin, so one busy producer cannot starve the others.
 *
 * <p>Invariant: a channel is in {@code channelsWithData} at most once ({@code enqueued[i]}).
 *
 * <p><b>Threading:</b> thread-safe (guarded by {@code lock}): producer threads notify; the consumer's task thread
 * polls.
 */
@ThreadSafe
public final class InputGate {

    /** A buffer and the index of the channel it came from. */
    public record BufferAndChannel(Buffer buffer, int channelIndex) {
    }

    private final Object lock = new Object();
    private final InputChannel[] channels;
    @GuardedBy("lock")
    private final ArrayDeque<InputChannel> channelsWithData = new ArrayDeque<>();
    @GuardedBy("lock")
    private final boolean[] enqueued;
    @GuardedBy("lock")
    private CompletableFuture<Void> availability = new CompletableFuture<>();

    /**
     * @param partitionIds the producer partition of each channel, in channel order
     * @param subpartitionIndex the subpartition this consumer reads from each (its subtask index)
     */
    public InputGate(List<ResultPartitionId> partitionIds, int subpartitionIndex) {
        this.channels = new InputChannel[partitionIds.size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = new InputChannel(this, i, partitionIds.get(i), subpartitionIndex);
        }
        this.enqueued = new boolean[channels.length];
    }

    /** Connects every channel to its producer's partition as it becomes registered. */
    public void connect(ResultPartitionManager partitionManager) {
        for (InputChannel c : channels) {
            partitionManager.getPartition(c.getPartitionId()).thenAccept(c::connect);
        }
    }

    public int getNumberOfChannels() {
        return channels.length;
    }

    void notifyChannelNonEmpty(InputChannel channel) {
        CompletableFuture<Void> toComplete = null;
        synchronized (lock) {
            if (!enqueued[channel.getChannelIndex()]) {
                enqueued[channel.getChannelIndex()] = true;
                channelsWithData.add(channel);
                if (!availability.isDone()) {
                    toComplete = availability;
                }
            }
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    /** @return the next buffer from a channel with data, or null if none has any */
    @TaskThread
    public BufferAndChannel pollNext() {
        while (true) {
            InputChannel channel;
            synchronized (lock) {
                channel = channelsWithData.poll();
                if (channel == null) {
                    if (availability.isDone()) {
                        availability = new CompletableFuture<>();
                    }
                    return null;
                }
                enqueued[channel.getChannelIndex()] = false;
            }
            Buffer buffer = channel.pollBuffer();
            if (channel.hasData()) {
                notifyChannelNonEmpty(channel);
            }
            if (buffer != null) {
                return new BufferAndChannel(buffer, channel.getChannelIndex());
            }
        }
    }

    /** @return a future that completes when some channel may have data */
    public CompletableFuture<Void> getAvailableFuture() {
        synchronized (lock) {
            return channelsWithData.isEmpty() ? availability : CompletableFuture.completedFuture(null);
        }
    }

    /** Releases every channel, recycling unread buffers. */
    public void release() {
        for (InputChannel c : channels) {
            c.release();
        }
    }
}
