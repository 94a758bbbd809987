package io.runnel.runtime.io.checkpointing;

/**
 * At-least-once: no channel ever waits. The task snapshots when the barrier of a checkpoint arrived on every
 * open channel; records that came after the barrier on an early channel are already in the state, and are
 * replayed after a restore (duplicates possible, loss not). A newer barrier before an older checkpoint completed
 * aborts the older one. After Flink's {@code CheckpointBarrierTracker}.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class AtLeastOnceBarrierHandler extends AbstractBarrierHandler {

    AtLeastOnceBarrierHandler(int channels, Actions actions) {
        super(channels, actions);
    }

    @Override
    protected void release() {
        count.reset();
    }

    @Override
    public boolean isBlocked(int channel) {
        return false;
    }
}
