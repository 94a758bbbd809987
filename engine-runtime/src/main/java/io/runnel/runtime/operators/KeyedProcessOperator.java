package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.TimeDomain;
import io.runnel.api.functions.TimerService;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.runtime.operators.timers.InternalTimer;
import io.runnel.runtime.operators.timers.InternalTimerServiceImpl;
import io.runnel.runtime.operators.timers.ProcessingTimeService;
import io.runnel.runtime.operators.timers.Triggerable;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.VoidNamespace;
import io.runnel.state.VoidNamespaceSerializer;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * Runs a {@link KeyedProcessFunction}: sets the key of each record on the keyed state backend, so that state
 * accesses in the function read and write that key's entries, and gives the function timers. Event-time timers
 * fire when a watermark arrives, before the watermark is forwarded (so results of timers at or before it precede
 * it downstream); processing-time timers fire from mails. Results of an event-time timer carry the timer's time as
 * their timestamp, as in Flink.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <IN> input type
 * @param <OUT> output type
 */
final class KeyedProcessOperator<K, IN, OUT> extends UdfOperator<KeyedProcessFunction<K, IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, VoidNamespace> {

    private final KeySelector<IN, K> keySelector;
    private final KeyedStateBackend<K> backend;
    private final TimestampedCollector<OUT> collector;
    private final Ctx context;
    private final TimerCtx timerContext;
    private final TypeSerializer<K> keySerializer;
    private final ProcessingTimeService processingTimeService;
    /** Created in {@link #open()}; owner: task thread. */
    private InternalTimerServiceImpl<K, VoidNamespace> timers;
    /** The function's view of {@link #timers}; created in {@link #open()}. */
    private KeyedTimerService<K> timerService;
    /** Owner: task thread. */
    private StreamRecord<IN> current;

    @SuppressWarnings("unchecked")
    KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector,
                         TypeSerializer<K> keySerializer, StreamOperatorParameters<OUT> parameters) {
        super(function, parameters);
        this.keySelector = keySelector;
        this.keySerializer = keySerializer;
        this.backend = (KeyedStateBackend<K>) (KeyedStateBackend<?>) parameters.keyedStateBackend();
        this.processingTimeService = parameters.processingTimeService();
        this.collector = new TimestampedCollector<>(output);
        this.context = new Ctx(function);
        this.timerContext = new TimerCtx(function);
    }

    @Override
    public void open() throws Exception {
        timers = new InternalTimerServiceImpl<>("user-timers", backend, keySerializer, VoidNamespaceSerializer.INSTANCE,
                processingTimeService, this);
        timerService = new KeyedTimerService<>(timers);
        super.open();
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        backend.setCurrentKey(keySelector.getKey(record.getValue()));
        current = record;
        collector.setTimestampFrom(record);
        try {
            function.processElement(record.getValue(), context, collector);
        } catch (TimestampedCollector.DownstreamException e) {
            throw unwrap(e);
        } finally {
            current = null;
        }
    }

    @Override
    public void processWatermark(Watermark watermark) throws Exception {
        timers.advanceWatermark(watermark.timestamp());
        output.emitWatermark(watermark);
    }

    @Override
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.timestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception {
        timerContext.firing = timer;
        timerContext.domain = domain;
        try {
            function.onTimer(timer.timestamp(), timerContext, collector);
        } catch (TimestampedCollector.DownstreamException e) {
            throw unwrap(e);
        } finally {
            timerContext.firing = null;
        }
    }

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

    private final class Ctx extends KeyedProcessFunction<K, IN, OUT>.Context {
        Ctx(KeyedProcessFunction<K, IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
        }

        @Override
        public K getCurrentKey() {
            return backend.getCurrentKey();
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            SideOutputs.emit(output, tag, value, current);
        }
    }

    private final class TimerCtx extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
        /** The timer being fired; owner: task thread. */
        private InternalTimer<K, VoidNamespace> firing;
        private TimeDomain domain;

        TimerCtx(KeyedProcessFunction<K, IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return domain == TimeDomain.EVENT_TIME && firing != null ? firing.timestamp() : null;
        }

        @Override
        public K getCurrentKey() {
            return backend.getCurrentKey();
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            SideOutputs.emitAt(output, tag, value, timestamp());
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }
    }
}
