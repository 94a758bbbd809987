package io.runnel.connector.jdbc;

import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.functions.MapFunction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes numbers through, slowly enough for checkpoints to complete (1 ms every {@code pauseEvery} records), and
 * throws once at the first number whose position in its split is at or past each planned position and that arrives
 * after a checkpoint completed since the previous failure, so every restore starts from a checkpoint. The numbers
 * 1..n of a {@code SequenceSource} cut into splits of {@code splitSize} have the position {@code (v - 1) % splitSize
 * + 1}: as all subtasks go at the same pace, a position early in a split fails while no subtask has finished its
 * split (a sink subtask that finished has committed its last records; Runnel has no final checkpoint yet, so a
 * restore would replay them). Plans are kept per run id in static maps, as the function is serialized into the job.
 */
final class FailureInjector implements MapFunction<Long, Long>, CheckpointListener {

    private static final long serialVersionUID = 1L;
    private static final Map<String, long[]> POSITIONS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicBoolean> CHECKPOINTED = new ConcurrentHashMap<>();

    private final String runId;
    private final int pauseEvery;
    private final long splitSize;

    /** The failure this function injects. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

    private FailureInjector(String runId, int pauseEvery, long splitSize) {
        this.runId = runId;
        this.pauseEvery = pauseEvery;
        this.splitSize = splitSize;
    }

    /** @param positions the positions in a split to fail at, increasing */
    static FailureInjector plan(String runId, int pauseEvery, long splitSize, long... positions) {
        POSITIONS.put(runId, positions.clone());
        FAILURES.put(runId, new AtomicInteger());
        CHECKPOINTED.put(runId, new AtomicBoolean());
        return new FailureInjector(runId, pauseEvery, splitSize);
    }

    /** @return how many failures were injected in run {@code runId} */
    static int failures(String runId) {
        return FAILURES.get(runId).get();
    }

    @Override
    public Long map(Long v) throws InterruptedException {
        if (v % pauseEvery == 0) {
            Thread.sleep(1);
        }
        long[] positions = POSITIONS.get(runId);
        AtomicInteger next = FAILURES.get(runId);
        int i = next.get();
        if (i < positions.length && (v - 1) % splitSize + 1 >= positions[i] && CHECKPOINTED.get(runId).get()
                && next.compareAndSet(i, i + 1)) {
            CHECKPOINTED.get(runId).set(false);
            throw new InjectedFailure("injected failure " + (i + 1) + " at " + v);
        }
        return v;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        CHECKPOINTED.get(runId).set(true);
    }
}
