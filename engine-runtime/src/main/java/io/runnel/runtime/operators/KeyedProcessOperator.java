package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.TimeDomain;
import io.runnel.api.functions.TimerService;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.runtime.operators.timers.InternalTimer;
import io.runnel.state.VoidNamespace;
import io.runnel.streamrecord.StreamRecord;

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
final class KeyedProcessOperator<K, IN, OUT> extends KeyedUdfOperator<KeyedProcessFunction<K, IN, OUT>, K, OUT>
        implements OneInputStreamOperator<IN, OUT> {

    private final KeySelector<IN, K> keySelector;
    private final Ctx context;
    private final TimerCtx timerContext;
    /** Owner: task thread. */
    private StreamRecord<IN> current;

    KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector,
                         TypeSerializer<K> keySerializer, StreamOperatorParameters<OUT> parameters) {
        super(function, keySerializer, parameters);
        this.keySelector = keySelector;
        this.context = new Ctx(function);
        this.timerContext = new TimerCtx(function);
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
    protected void onTimer(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception {
        timerContext.firing = timer;
        timerContext.domain = domain;
        try {
            function.onTimer(timer.timestamp(), timerContext, collector);
        } finally {
            timerContext.firing = null;
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
