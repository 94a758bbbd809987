package io.runnel.runtime.operators;

import io.runnel.api.functions.TimerService;
import io.runnel.runtime.operators.timers.InternalTimerServiceImpl;
import io.runnel.state.VoidNamespace;

/**
 * The user function's {@link TimerService} of a keyed operator (one or two inputs): timers of the backend's current key,
 * without a namespace.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 */
final class KeyedTimerService<K> implements TimerService {

    private final InternalTimerServiceImpl<K, VoidNamespace> timers;

    KeyedTimerService(InternalTimerServiceImpl<K, VoidNamespace> timers) {
        this.timers = timers;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
}
