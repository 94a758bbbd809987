package io.runnel.runtime.io.checkpointing;

import io.runnel.streamrecord.CheckpointBarrier;

/**
 * Exactly-once alignment: a channel that delivered barrier n is blocked (its later records wait, unread) until
 * barrier n arrived on every open channel; then the task snapshots, and every channel is unblocked. So the
 * snapshot reflects exactly the records before barrier n on every channel. A barrier of a newer checkpoint
 * before the alignment ended aborts the older one and starts aligning the newer; barriers older than the newest
 * seen are dropped. After the aligned barrier handling of Carbone et al. (2015) and Flink's
 * {@code SingleCheckpointBarrierHandler}.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class AlignedBarrierHandler implements CheckpointBarrierHandler {

    private final BarrierCount count;
    private final Actions actions;
    private CheckpointBarrier pendingBarrier;

    AlignedBarrierHandler(int channels, Actions actions) {
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
                        + " arrived before the alignment of " + count.current() + " ended");
                unblockAll();
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
        unblockAll();
        pendingBarrier = null;
        actions.triggerCheckpointOnBarrier(barrier);
    }

    private void unblockAll() {
        boolean[] wasBlocked = new boolean[count.channels()];
        for (int c = 0; c < wasBlocked.length; c++) {
            wasBlocked[c] = isBlocked(c);
        }
        count.reset();
        for (int c = 0; c < wasBlocked.length; c++) {
            if (wasBlocked[c]) {
                actions.unblockChannel(c);
            }
        }
    }

    @Override
    public boolean isBlocked(int channel) {
        return count.inProgress() && count.hasArrived(channel) && !count.isEnded(channel);
    }
}
