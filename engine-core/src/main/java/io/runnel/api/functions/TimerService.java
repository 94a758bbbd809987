package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * Current times and timers of a keyed function. Timers are scoped to the current key: a timer registered while
 * processing key k fires with k as the current key. Registering the same (time, key) twice keeps one timer.
 * Event-time timers fire when the operator's watermark reaches their time; processing-time timers fire when the
 * wall clock does, always on the task thread (through its mailbox), never concurrently with
 * {@code processElement}. Follows Flink's {@code TimerService}.
 *
 * <p><b>Threading:</b> task thread only, during a call of the function.
 */
@Public
public interface TimerService {

    /** @return the wall-clock time of the TaskManager, in ms since the epoch */
    long currentProcessingTime();

    /** @return the operator's current event-time watermark in ms ({@code Long.MIN_VALUE} before the first) */
    long currentWatermark();

    /**
     * Registers a processing-time timer for the current key at {@code time} ms since the epoch.
     *
     * @throws UnsupportedOperationException on a stream that is not keyed
     */
    void registerProcessingTimeTimer(long time);

    /**
     * Registers an event-time timer for the current key at {@code time} ms.
     *
     * @throws UnsupportedOperationException on a stream that is not keyed
     */
    void registerEventTimeTimer(long time);

    /** Deletes the current key's processing-time timer at {@code time}, if any. */
    void deleteProcessingTimeTimer(long time);

    /** Deletes the current key's event-time timer at {@code time}, if any. */
    void deleteEventTimeTimer(long time);
}
