package io.runnel.runtime.operators;

import io.runnel.api.functions.TimerService;
import io.runnel.runtime.operators.timers.ProcessingTimeService;

/**
 * The clocks of a non-keyed process or co-process function. Timers belong to a key, so registering or deleting
 * one throws, with a hint to the keyed variant.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class NonKeyedTimerService implements TimerService {

    private final ProcessingTimeService processingTime;
    private final String keyedOnlyHint;
    /** Owner: task thread. The operator's watermark in ms. */
    private long watermark = Long.MIN_VALUE;

    /**
     * @param processingTime the task's wall clock
     * @param keyedOnlyHint the message of the exception thrown by timer registration
     */
    NonKeyedTimerService(ProcessingTimeService processingTime, String keyedOnlyHint) {
        this.processingTime = processingTime;
        this.keyedOnlyHint = keyedOnlyHint;
    }

    /** Records the operator's new watermark, in ms. */
    void setWatermark(long timestamp) {
        watermark = timestamp;
    }

    @Override
    public long currentProcessingTime() {
        return processingTime.getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw keyedOnly();
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw keyedOnly();
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw keyedOnly();
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw keyedOnly();
    }

    private UnsupportedOperationException keyedOnly() {
        return new UnsupportedOperationException(keyedOnlyHint);
    }
}
