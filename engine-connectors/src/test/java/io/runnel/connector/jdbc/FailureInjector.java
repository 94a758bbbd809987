package io.runnel.connector.jdbc;

import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.functions.MapFunction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes numbers through, slowly enough for checkpoints to complete (1 ms every {@code pauseEvery} records), and
 * throws once at the first number at or past each planned position that arrives after a checkpoint completed since
 * the previous failure, so every restore starts from a checkpoint. Plans are kept per run id in static maps, as the
 * function is serialized into the job.
 */
final class FailureInjector implements MapFunction<Long, Long>, CheckpointListener {

    private static final long serialVersionUID = 1L;
    private static final Map<String, long[]> POSITIONS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicBoolean> CHECKPOINTED = new ConcurrentHashMap<>();

    private final String runId;
    private final int pauseEvery;

    /** The failure this function injects. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

    private FailureInjector(String runId, int pauseEvery) {
        this.runId = runId;
        this.pauseEvery = pauseEvery;
    }

    /** @param positions the numbers to fail at, increasing */
    static FailureInjector plan(String runId, int pauseEvery, long... positions) {
        POSITIONS.put(runId, positions.clone());
        FAILURES.put(runId, new AtomicInteger());
        CHECKPOINTED.put(runId, new AtomicBoolean());
        return new FailureInjector(runId, pauseEvery);
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
        if (i < positions.length && v >= positions[i] && CHECKPOINTED.get(runId).get()
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
