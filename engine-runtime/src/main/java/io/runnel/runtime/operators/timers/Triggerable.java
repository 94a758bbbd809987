package io.runnel.runtime.operators.timers;

/**
 * The operator side of a timer service: called on the task thread, with the timer's key already set as the
 * backend's current key.
 *
 * @param <K> key type
 * @param <N> namespace type
 */
public interface Triggerable<K, N> {

    /** An event-time timer fired: the watermark reached its time. @throws Exception to fail the task */
    void onEventTime(InternalTimer<K, N> timer) throws Exception;

    /** A processing-time timer fired: the wall clock reached its time. @throws Exception to fail the task */
    void onProcessingTime(InternalTimer<K, N> timer) throws Exception;
}
