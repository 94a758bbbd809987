package io.runnel.runtime.network;

/**
 * The output of one producer subtask on one job edge: a subpartition per consumer subtask and the buffer pool
 * the producer fills them from.
 *
 * <p><b>Threading:</b> the producer's task thread writes into it through a {@code RecordWriter}; consumer task
 * threads read subpartitions; {@link #release()} may come from any thread.
 */
public final class ResultPartition {

    private final ResultPartitionId id;
    private final ResultSubpartition[] subpartitions;
    private final BufferPool bufferPool;

    /**
     * @param id the partition's id
     * @param numSubpartitions one per consumer subtask
     * @param bufferPool the producer's pool for this partition
     */
    public ResultPartition(ResultPartitionId id, int numSubpartitions, BufferPool bufferPool) {
        this.id = id;
        this.subpartitions = new ResultSubpartition[numSubpartitions];
        for (int i = 0; i < numSubpartitions; i++) {
            subpartitions[i] = new ResultSubpartition();
        }
        this.bufferPool = bufferPool;
    }

    public ResultPartitionId getId() {
        return id;
    }

    public int getNumberOfSubpartitions() {
        return subpartitions.length;
    }

    public ResultSubpartition getSubpartition(int index) {
        return subpartitions[index];
    }

    public BufferPool getBufferPool() {
        return bufferPool;
    }

    /** Releases all subpartitions and destroys the pool (on failure or cancellation of either side). */
    public void release() {
        for (ResultSubpartition s : subpartitions) {
            s.release();
        }
        bufferPool.destroy();
    }
}
