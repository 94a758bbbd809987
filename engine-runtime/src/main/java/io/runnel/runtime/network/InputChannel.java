package io.runnel.runtime.network;

/**
 * One channel of an {@link InputGate}: the consumer's end of one producer subpartition in the same JVM. Buffers
 * are handed over by reference, without copying.
 *
 * <p><b>Threading:</b> {@link #connect} and {@link #notifyDataAvailable()} may run on any thread; the reading
 * methods on the consumer's task thread.
 */
public final class InputChannel implements BufferAvailabilityListener {

    private final InputGate gate;
    private final int channelIndex;
    private final ResultPartitionId partitionId;
    private final int subpartitionIndex;
    private volatile ResultSubpartition subpartition;

    InputChannel(InputGate gate, int channelIndex, ResultPartitionId partitionId, int subpartitionIndex) {
        this.gate = gate;
        this.channelIndex = channelIndex;
        this.partitionId = partitionId;
        this.subpartitionIndex = subpartitionIndex;
    }

    /** Connects to the producer's partition once it is registered. */
    void connect(ResultPartition partition) {
        ResultSubpartition s = partition.getSubpartition(subpartitionIndex);
        this.subpartition = s;
        s.setListener(this);
    }

    @Override
    public void notifyDataAvailable() {
        gate.notifyChannelNonEmpty(this);
    }

    /** @return the next buffer or null */
    Buffer pollBuffer() {
        ResultSubpartition s = subpartition;
        return s == null ? null : s.poll();
    }

    boolean hasData() {
        ResultSubpartition s = subpartition;
        return s != null && s.hasData();
    }

    int getChannelIndex() {
        return channelIndex;
    }

    ResultPartitionId getPartitionId() {
        return partitionId;
    }

    /** Recycles every queued buffer and stops accepting more. */
    void release() {
        ResultSubpartition s = subpartition;
        if (s != null) {
            s.release();
        }
    }
}
