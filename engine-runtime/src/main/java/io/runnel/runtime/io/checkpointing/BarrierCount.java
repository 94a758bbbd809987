package io.runnel.runtime.io.checkpointing;

import java.util.Arrays;

/**
 * Which channels delivered the barrier of the checkpoint being collected, and which channels ended: the
 * bookkeeping the two handlers share.
 *
 * <p>Invariant: {@code received} counts the true entries of {@code arrived}; a checkpoint is complete when every
 * channel either delivered its barrier or ended.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class BarrierCount {

    private final boolean[] arrived;
    private final boolean[] ended;
    private int received;
    private int endedCount;
    /** The checkpoint being collected, or -1. */
    private long current = -1;
    /** The newest checkpoint seen (collected, completed or aborted). */
    private long latest = -1;

    BarrierCount(int channels) {
        this.arrived = new boolean[channels];
        this.ended = new boolean[channels];
    }

    long current() {
        return current;
    }

    long latest() {
        return latest;
    }

    boolean inProgress() {
        return current >= 0;
    }

    /** Starts collecting checkpoint {@code id}. */
    void start(long id) {
        current = id;
        latest = id;
        received = 0;
        Arrays.fill(arrived, false);
    }

    /** Records a barrier of the current checkpoint. @return false if the channel had delivered it already */
    boolean arrive(int channel) {
        if (arrived[channel]) {
            return false;
        }
        arrived[channel] = true;
        received++;
        return true;
    }

    boolean hasArrived(int channel) {
        return arrived[channel];
    }

    /** Records the end of a channel. */
    void end(int channel) {
        if (!ended[channel]) {
            ended[channel] = true;
            endedCount++;
        }
    }

    boolean isEnded(int channel) {
        return ended[channel];
    }

    /** @return true if every channel delivered the barrier or ended */
    boolean complete() {
        int both = 0;
        for (int c = 0; c < arrived.length; c++) {
            if (arrived[c] && ended[c]) {
                both++;
            }
        }
        return received + endedCount - both == arrived.length;
    }

    /** Stops collecting (the checkpoint was triggered or aborted). */
    void reset() {
        current = -1;
        received = 0;
        Arrays.fill(arrived, false);
    }

    int channels() {
        return arrived.length;
    }
}
