package io.runnel.runtime.operators;

import io.runnel.api.functions.TimeDomain;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.runtime.operators.timers.InternalTimer;
import io.runnel.runtime.operators.timers.InternalTimerServiceImpl;
import io.runnel.runtime.operators.timers.Triggerable;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.VoidNamespace;
import io.runnel.state.VoidNamespaceSerializer;
import io.runnel.streamrecord.Watermark;

/**
 * What the keyed operators that run one user function with timers share (process, co-process, broadcast
 * process): the keyed backend, the user timers ({@code "user-timers"}, no namespace) and the function's view of
 * them, event-time timers fired before a watermark is forwarded, and the timestamp of timer results (the timer's
 * time for event time, none for processing time, as in Flink). Subclasses call the function's {@code onTimer}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <F> the user function type
 * @param <K> key type
 * @param <OUT> output type
 */
abstract class KeyedUdfOperator<F, K, OUT> extends UdfOperator<F, OUT> implements Triggerable<K, VoidNamespace> {

    protected final KeyedStateBackend<K> backend;
    protected final TimestampedCollector<OUT> collector;
    private final TypeSerializer<K> keySerializer;
    private final StreamOperatorParameters<OUT> parameters;
    /** Created in {@link #open()}; owner: task thread. */
    private InternalTimerServiceImpl<K, VoidNamespace> timers;
    /** The function's view of the timers; created in {@link #open()}. */
    protected KeyedTimerService<K> timerService;

    @SuppressWarnings("unchecked")
    KeyedUdfOperator(F function, TypeSerializer<K> keySerializer, StreamOperatorParameters<OUT> parameters) {
        super(function, parameters);
        this.keySerializer = keySerializer;
        this.parameters = parameters;
        this.backend = (KeyedStateBackend<K>) (KeyedStateBackend<?>) parameters.keyedStateBackend();
        this.collector = new TimestampedCollector<>(output);
    }

    @Override
    public void open() throws Exception {
        timers = new InternalTimerServiceImpl<>("user-timers", backend, keySerializer,
                VoidNamespaceSerializer.INSTANCE, parameters.processingTimeService(), this);
        timerService = new KeyedTimerService<>(timers);
        super.open();
    }

    @Override
    public void processWatermark(Watermark watermark) throws Exception {
        timers.advanceWatermark(watermark.timestamp());
        output.emitWatermark(watermark);
    }

    @Override
    public final void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.timestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public final void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception {
        try {
            onTimer(timer, domain);
        } catch (TimestampedCollector.DownstreamException e) {
            throw unwrap(e);
        }
    }

    /**
     * Calls the function's {@code onTimer} for {@code timer}, whose key is already current; results go to
     * {@link #collector}.
     *
     * @throws Exception from the function
     */
    protected abstract void onTimer(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception;

    @Override
    public void close() throws Exception {
        try {
            if (timers != null) {
                timers.close();
            }
            super.close();
        } finally {
            backend.close();
        }
    }
}
