package io.runnel.runtime.network;

import io.runnel.annotation.ThreadSafe;
import io.runnel.annotation.VisibleForTesting;
import io.runnel.api.common.JobId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of a TaskManager's result partitions, where consumer channels find their producers. A consumer
 * may ask before the producer registers: it gets a future that completes on registration.
 *
 * <p><b>Threading:</b> thread-safe (a concurrent map of futures).
 */
@ThreadSafe
public final class ResultPartitionManager {

    private final Map<ResultPartitionId, CompletableFuture<ResultPartition>> partitions = new ConcurrentHashMap<>();

    /** Registers a producer's partition. */
    public void register(ResultPartition partition) {
        future(partition.getId()).complete(partition);
    }

    /** @return a future of the partition, completed when its producer registers it */
    public CompletableFuture<ResultPartition> getPartition(ResultPartitionId id) {
        return future(id);
    }

    private CompletableFuture<ResultPartition> future(ResultPartitionId id) {
        return partitions.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    /** Releases and forgets every partition of the job. */
    public void releaseJob(JobId jobId) {
        List<ResultPartitionId> ids = new ArrayList<>();
        for (ResultPartitionId id : partitions.keySet()) {
            if (id.jobId().equals(jobId)) {
                ids.add(id);
            }
        }
        for (ResultPartitionId id : ids) {
            CompletableFuture<ResultPartition> f = partitions.remove(id);
            if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
                f.join().release();
            } else if (f != null) {
                f.cancel(false);
            }
        }
    }

    /** @return the partitions registered now, for tests that inspect buffer use */
    @VisibleForTesting
    public List<ResultPartition> registeredPartitions() {
        List<ResultPartition> result = new ArrayList<>();
        for (CompletableFuture<ResultPartition> f : partitions.values()) {
            ResultPartition p = f.getNow(null);
            if (p != null) {
                result.add(p);
            }
        }
        return result;
    }
}
