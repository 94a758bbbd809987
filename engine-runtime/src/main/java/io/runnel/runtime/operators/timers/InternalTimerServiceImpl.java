package io.runnel.runtime.operators.timers;

import io.runnel.annotation.TaskThread;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.PriorityQueueSpec;
import java.util.concurrent.ScheduledFuture;

/**
 * The timers of one keyed operator, for one namespace type: event-time and processing-time timers in two
 * priority queues created by the keyed state backend (a heap queue for the hashmap backend, a RocksDB-backed one
 * with a cached head for RocksDB), deduplicated, ordered by (timestamp, key, namespace). Event-time timers fire
 * from {@link #advanceWatermark(long)}, called when the operator's watermark advances; processing-time timers fire
 * when the single wall-clock callback registered for the earliest one runs as a mail. Follows Flink's
 * {@code InternalTimerServiceImpl}.
 *
 * <p><b>Threading:</b> task thread only; firing sets the backend's current key, so the operator must not rely on
 * the current key across a call into this service.
 *
 * @param <K> key type
 * @param <N> namespace type
 */
public final class InternalTimerServiceImpl<K, N> {

    private final KeyedStateBackend<K> backend;
    private final ProcessingTimeService processingTimeService;
    private final Triggerable<K, N> target;
    private final KeyGroupedPriorityQueue<InternalTimer<K, N>> eventTimeTimers;
    private final KeyGroupedPriorityQueue<InternalTimer<K, N>> processingTimeTimers;
    /** Owner: task thread. The operator's event-time watermark in ms. */
    private long currentWatermark = Long.MIN_VALUE;
    /** Owner: task thread. The wall-clock callback for the earliest processing-time timer, and its time. */
    private ScheduledFuture<?> nextProcessingTimer;
    private long nextProcessingTime = Long.MAX_VALUE;

    /**
     * @param name unique per operator (e.g. {@code "user-timers"}); names the backend's queues
     * @param backend the operator's keyed backend, which holds the queues
     * @param keySerializer serializer of the keys
     * @param namespaceSerializer serializer of the namespaces
     * @param processingTimeService wall clock and mailbox callbacks
     * @param target called when timers fire
     */
    public InternalTimerServiceImpl(String name, KeyedStateBackend<K> backend, TypeSerializer<K> keySerializer,
                                    TypeSerializer<N> namespaceSerializer,
                                    ProcessingTimeService processingTimeService, Triggerable<K, N> target) {
        this.backend = backend;
        this.processingTimeService = processingTimeService;
        this.target = target;
        PriorityQueueSpec<InternalTimer<K, N>> spec = new PriorityQueueSpec<>(InternalTimer::compare,
                InternalTimer::keyGroup,
                new TimerSerializer<>(keySerializer, namespaceSerializer, backend.getMaxParallelism()),
                InternalTimer.sortKeys());
        this.eventTimeTimers = backend.createPriorityQueue("_timers/" + name + "/event", spec);
        this.processingTimeTimers = backend.createPriorityQueue("_timers/" + name + "/processing", spec);
        InternalTimer<K, N> restoredHead = processingTimeTimers.peek();
        if (restoredHead != null) {
            // Timers restored from a checkpoint lost the wall-clock callback their registration had set up; without
            // a new one they would wait until the operator happened to register an earlier timer.
            scheduleProcessingCallback(restoredHead.timestamp());
        }
    }

    /** @return the operator's current watermark in ms */
    @TaskThread
    public long currentWatermark() {
        return currentWatermark;
    }

    /** @return the wall clock in ms since the epoch */
    public long currentProcessingTime() {
        return processingTimeService.getCurrentProcessingTime();
    }

    /** Registers an event-time timer for the backend's current key. */
    @TaskThread
    public void registerEventTimeTimer(N namespace, long time) {
        eventTimeTimers.add(timerFor(namespace, time));
    }

    /** Deletes the current key's event-time timer at {@code time} in {@code namespace}, if any. */
    @TaskThread
    public void deleteEventTimeTimer(N namespace, long time) {
        eventTimeTimers.remove(timerFor(namespace, time));
    }

    /** Registers a processing-time timer for the backend's current key. */
    @TaskThread
    public void registerProcessingTimeTimer(N namespace, long time) {
        InternalTimer<K, N> timer = timerFor(namespace, time);
        if (processingTimeTimers.add(timer) && time < nextProcessingTime) {
            scheduleProcessingCallback(time);
        }
    }

    /** Deletes the current key's processing-time timer at {@code time} in {@code namespace}, if any. */
    @TaskThread
    public void deleteProcessingTimeTimer(N namespace, long time) {
        // The wall-clock callback stays: when it runs it finds nothing due and reschedules for the new head.
        processingTimeTimers.remove(timerFor(namespace, time));
    }

    private InternalTimer<K, N> timerFor(N namespace, long time) {
        return new InternalTimer<>(time, backend.getCurrentKey(), namespace, backend.getCurrentKeyGroup());
    }

    /**
     * Moves the watermark to {@code watermark} and fires, in order, every event-time timer at or before it.
     *
     * @throws Exception from the operator's timer callback
     */
    @TaskThread
    public void advanceWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        InternalTimer<K, N> timer;
        while ((timer = eventTimeTimers.peek()) != null && timer.timestamp() <= watermark) {
            eventTimeTimers.poll();
            backend.setCurrentKey(timer.key());
            target.onEventTime(timer);
        }
    }

    private void onProcessingTime(long time) throws Exception {
        nextProcessingTimer = null;
        nextProcessingTime = Long.MAX_VALUE;
        InternalTimer<K, N> timer;
        while ((timer = processingTimeTimers.peek()) != null && timer.timestamp() <= time) {
            processingTimeTimers.poll();
            backend.setCurrentKey(timer.key());
            target.onProcessingTime(timer);
        }
        if (timer != null && nextProcessingTimer == null) {
            scheduleProcessingCallback(timer.timestamp());
        }
    }

    private void scheduleProcessingCallback(long time) {
        if (nextProcessingTimer != null) {
            nextProcessingTimer.cancel(false);
        }
        nextProcessingTime = time;
        nextProcessingTimer = processingTimeService.registerTimer(time, this::onProcessingTime);
    }

    /** @return the number of event-time and processing-time timers queued */
    public int numTimers() {
        return eventTimeTimers.size() + processingTimeTimers.size();
    }

    /** Stops the wall-clock callback; the queues go with the backend. */
    @TaskThread
    public void close() {
        if (nextProcessingTimer != null) {
            nextProcessingTimer.cancel(false);
            nextProcessingTimer = null;
        }
    }
}
