package io.runnel.runtime.io.checkpointing;

import io.runnel.streamrecord.CheckpointBarrier;

/**
 * What the two handlers share: collecting the barriers of one checkpoint over the channels (ended channels count
 * as delivered), dropping barriers older than the newest seen, and aborting an unfinished checkpoint when a newer
 * barrier arrives. The modes differ only in what a barrier does to its channel and what an abort releases.
 *
 * <p><b>Threading:</b> task thread only.
 */
abstract class AbstractBarrierHandler implements CheckpointBarrierHandler {

    protected final BarrierCount count;
    protected final Actions actions;
    private CheckpointBarrier pendingBarrier;

    AbstractBarrierHandler(int channels, Actions actions) {
        this.count = new BarrierCount(channels);
        this.actions = actions;
    }

    @Override
    public final void processBarrier(CheckpointBarrier barrier, int channel) throws Exception {
        long id = barrier.checkpointId();
        if (id <= count.latest() && id != count.current()) {
            return;
        }
        if (id > count.latest()) {
            if (count.inProgress()) {
                actions.abortCheckpointOnBarrier(count.current(), "barrier of checkpoint " + id
                        + " arrived before every barrier of " + count.current());
                release();
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
    public final void processExternalTrigger(CheckpointBarrier barrier) throws Exception {
        long id = barrier.checkpointId();
        if (id <= count.latest()) {
            return;
        }
        if (count.inProgress()) {
            actions.abortCheckpointOnBarrier(count.current(), "checkpoint " + id + " was triggered before every "
                    + "barrier of " + count.current() + " arrived");
            release();
        }
        count.start(id);
        pendingBarrier = barrier;
        if (count.complete()) {
            finish();
        }
    }

    @Override
    public final void processEndOfPartition(int channel) throws Exception {
        count.end(channel);
        if (count.inProgress() && count.complete()) {
            finish();
        }
    }

    private void finish() throws Exception {
        CheckpointBarrier barrier = pendingBarrier;
        pendingBarrier = null;
        release();
        actions.triggerCheckpointOnBarrier(barrier);
    }

    /** Ends the collection of the current checkpoint (triggered or aborted): resets the count, frees channels. */
    protected abstract void release();
}
