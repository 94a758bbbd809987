package io.runnel.runtime.io.checkpointing;

import io.runnel.api.environment.CheckpointingMode;
import io.runnel.streamrecord.CheckpointBarrier;

/**
 * Decides, from the barriers arriving on a task's input channels, when the task snapshots its state, and which
 * channels must wait meanwhile. One small class per mode: {@link AlignedBarrierHandler} (exactly-once) and
 * {@link AtLeastOnceBarrierHandler}. After Flink's {@code CheckpointBarrierHandler}.
 *
 * <p><b>Threading:</b> task thread only.
 */
public interface CheckpointBarrierHandler {

    /** What the handler asks the task to do. */
    interface Actions {
        /**
         * Every open channel delivered the barrier: snapshot the operators and forward the barrier.
         *
         * @throws Exception to fail the task
         */
        void triggerCheckpointOnBarrier(CheckpointBarrier barrier) throws Exception;

        /** A checkpoint cannot complete in this task (a newer barrier overtook it): decline it. */
        void abortCheckpointOnBarrier(long checkpointId, String reason);

        /** The channel may be read again (alignment over). */
        void unblockChannel(int channel);
    }

    /**
     * Handles a barrier that arrived on a channel.
     *
     * @throws Exception from the snapshot, to fail the task
     */
    void processBarrier(CheckpointBarrier barrier, int channel) throws Exception;

    /**
     * A channel ended; it no longer owes barriers.
     *
     * @throws Exception from a snapshot this completes, to fail the task
     */
    void processEndOfPartition(int channel) throws Exception;

    /**
     * Starts a checkpoint without a barrier: the coordinator triggered this task directly because all its
     * producers finished (after FLIP-147). The checkpoint is taken once every channel has ended; a checkpoint
     * being aligned is aborted, one not newer than the latest seen is ignored.
     *
     * @throws Exception from the snapshot, to fail the task
     */
    void processExternalTrigger(CheckpointBarrier barrier) throws Exception;

    /** @return true if the channel must not be read until the current alignment ends */
    boolean isBlocked(int channel);

    /**
     * @param mode the job's checkpointing mode
     * @param numberOfChannels the task's input channels
     * @param actions the task's callbacks
     * @return the handler for the mode
     */
    static CheckpointBarrierHandler create(CheckpointingMode mode, int numberOfChannels, Actions actions) {
        return mode == CheckpointingMode.AT_LEAST_ONCE ? new AtLeastOnceBarrierHandler(numberOfChannels, actions)
                : new AlignedBarrierHandler(numberOfChannels, actions);
    }
}
