package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedCoProcessFunction;
import io.runnel.api.functions.TimeDomain;
import io.runnel.api.functions.TimerService;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.runtime.operators.timers.InternalTimer;
import io.runnel.state.VoidNamespace;
import io.runnel.streamrecord.StreamRecord;

/**
 * Runs a {@link KeyedCoProcessFunction} over two connected keyed streams: sets the key of each record (from its
 * input's key selector) on the one keyed state backend, so that both inputs' records of a key share that key's
 * state and timers. Event-time timers fire when the operator's watermark, the minimum of the two inputs'
 * watermarks, passes them, before the watermark is forwarded; processing-time timers fire from mails. Results of
 * an event-time timer carry the timer's time. After Flink's {@code KeyedCoProcessOperator}; the per-record
 * mechanics are those of {@link KeyedProcessOperator}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> output type
 */
final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends KeyedUdfOperator<KeyedCoProcessFunction<K, IN1, IN2, OUT>, K, OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {

    private final KeySelector<IN1, K> keySelector1;
    private final KeySelector<IN2, K> keySelector2;
    private final Ctx context;
    private final TimerCtx timerContext;
    /** Owner: task thread. The record being processed, or null. */
    private StreamRecord<?> current;

    KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector1,
                           KeySelector<IN2, K> keySelector2, TypeSerializer<K> keySerializer,
                           StreamOperatorParameters<OUT> parameters) {
        super(function, keySerializer, parameters);
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
        this.context = new Ctx(function);
        this.timerContext = new TimerCtx(function);
    }

    @Override
    public void processElement1(StreamRecord<IN1> record) throws Exception {
        backend.setCurrentKey(keySelector1.getKey(record.getValue()));
        current = record;
        collector.setTimestampFrom(record);
        try {
            function.processElement1(record.getValue(), context, collector);
        } catch (TimestampedCollector.DownstreamException e) {
            throw unwrap(e);
        } finally {
            current = null;
        }
    }

    @Override
    public void processElement2(StreamRecord<IN2> record) throws Exception {
        backend.setCurrentKey(keySelector2.getKey(record.getValue()));
        current = record;
        collector.setTimestampFrom(record);
        try {
            function.processElement2(record.getValue(), context, collector);
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

    private final class Ctx extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
        Ctx(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
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

    private final class TimerCtx extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        /** The timer being fired; owner: task thread. */
        private InternalTimer<K, VoidNamespace> firing;
        /** Owner: task thread. */
        private TimeDomain domain;

        TimerCtx(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
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
