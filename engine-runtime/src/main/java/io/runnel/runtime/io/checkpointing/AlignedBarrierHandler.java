package io.runnel.runtime.io.checkpointing;

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
final class AlignedBarrierHandler extends AbstractBarrierHandler {

    AlignedBarrierHandler(int channels, Actions actions) {
        super(channels, actions);
    }

    @Override
    protected void release() {
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
