package io.runnel.runtime.io.checkpointing;

import io.runnel.streamrecord.CheckpointBarrier;

/**
 * At-least-once: no channel ever waits. The task snapshots when the barrier of a checkpoint arrived on every
 * open channel; records that came after the barrier on an early channel are already in the state, and are
 * replayed after a restore (duplicates possible, loss not). A newer barrier before an older checkpoint completed
 * aborts the older one. After Flink's {@code CheckpointBarrierTracker}.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class AtLeastOnceBarrierHandler implements CheckpointBarrierHandler {

    private final BarrierCount count;
    private final Actions actions;
    private CheckpointBarrier pendingBarrier;

    AtLeastOnceBarrierHandler(int channels, Actions actions) {
        this.count = new BarrierCount(channels);
        this.actions = actions;
    }

    @Override
    public void processBarrier(CheckpointBarrier barrier, int channel) throws Exception {
        long id = barrier.checkpointId();
        if (id <= count.latest() && id != count.current()) {
            return;
        }
        if (id > count.latest()) {
            if (count.inProgress()) {
                actions.abortCheckpointOnBarrier(count.current(), "barrier of checkpoint " + id
                        + " arrived before every barrier of " + count.current());
            }
            count.start(id);
            pendingBarrier = barrier;
        }
        count.arrive(channel);
        if (count.complete()) {
            finish();
        }
    }

    @Override
    public void processEndOfPartition(int channel) throws Exception {
        count.end(channel);
        if (count.inProgress() && count.complete()) {
            finish();
        }
    }

    private void finish() throws Exception {
        CheckpointBarrier barrier = pendingBarrier;
        pendingBarrier = null;
        count.reset();
        actions.triggerCheckpointOnBarrier(barrier);
    }

    @Override
    public boolean isBlocked(int channel) {
        return false;
    }
}
