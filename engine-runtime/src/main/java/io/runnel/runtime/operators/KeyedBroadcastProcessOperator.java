package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedBroadcastProcessFunction;
import io.runnel.api.functions.KeyedStateFunction;
import io.runnel.api.functions.TimeDomain;
import io.runnel.api.functions.TimerService;
import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReadOnlyBroadcastState;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.runtime.operators.timers.InternalTimer;
import io.runnel.state.VoidNamespace;
import io.runnel.streamrecord.StreamRecord;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is the keyed stream, processed with its key as the
 * backend's current key (keyed state, timers, read-only broadcast state); input 2 the broadcast stream, processed
 * without a key (read-write broadcast state, and every key's state through {@code applyToKeyedState}).
 * Event-time timers fire when the operator's watermark, the minimum of the two inputs' watermarks, passes them.
 * After Flink's {@code CoBroadcastWithKeyedOperator}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <IN1> the keyed input's type
 * @param <IN2> the broadcast input's type
 * @param <OUT> output type
 */
final class KeyedBroadcastProcessOperator<K, IN1, IN2, OUT>
        extends KeyedUdfOperator<KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>, K, OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {

    private final KeySelector<IN1, K> keySelector;
    private final BroadcastStates states;
    private final Ctx context;
    private final ReadOnlyCtx readOnlyContext;
    private final TimerCtx timerContext;
    /** Owner: task thread. The record being processed, or null. */
    private StreamRecord<?> current;

    KeyedBroadcastProcessOperator(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
                                  KeySelector<IN1, K> keySelector, TypeSerializer<K> keySerializer,
                                  BroadcastStates states, StreamOperatorParameters<OUT> parameters) {
        super(function, keySerializer, parameters);
        this.keySelector = keySelector;
        this.states = states;
        this.context = new Ctx(function);
        this.readOnlyContext = new ReadOnlyCtx(function);
        this.timerContext = new TimerCtx(function);
    }

    @Override
    public void snapshotState(long checkpointId, long timestampMillis) throws Exception {
        states.snapshot();
        super.snapshotState(checkpointId, timestampMillis);
    }

    @Override
    public void processElement1(StreamRecord<IN1> record) throws Exception {
        backend.setCurrentKey(keySelector.getKey(record.getValue()));
        current = record;
        collector.setTimestampFrom(record);
        try {
            function.processElement(record.getValue(), readOnlyContext, collector);
        } catch (TimestampedCollector.DownstreamException e) {
            throw unwrap(e);
        } finally {
            current = null;
        }
    }

    @Override
    public void processElement2(StreamRecord<IN2> record) throws Exception {
        current = record;
        collector.setTimestampFrom(record);
        try {
            function.processBroadcastElement(record.getValue(), context, collector);
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

    /**
     * Visits every key with an entry of the state: the keys are collected first, because the backend's key stream
     * must not see the state change while it is consumed.
     */
    @SuppressWarnings("unchecked")
    private <S extends State> void applyToKeyedState(StateDescriptor<?> descriptor, KeyedStateFunction<K, S> fn)
            throws Exception {
        S state = (S) backend.getOrCreateKeyedState(descriptor);
        List<K> keys;
        try (Stream<K> stream = backend.getKeys(descriptor.getName(), VoidNamespace.INSTANCE)) {
            keys = stream.toList();
        }
        for (K key : keys) {
            backend.setCurrentKey(key);
            fn.process(key, state);
        }
    }

    private Long currentTimestamp() {
        return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
    }

    private final class Ctx extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.Context {
        Ctx(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <KB, VB> BroadcastState<KB, VB> getBroadcastState(MapStateDescriptor<KB, VB> descriptor) {
            return states.get(descriptor);
        }

        @Override
        public <S extends State> void applyToKeyedState(StateDescriptor<?> descriptor,
                                                        KeyedStateFunction<K, S> function) throws Exception {
            KeyedBroadcastProcessOperator.this.applyToKeyedState(descriptor, function);
        }

        @Override
        public Long timestamp() {
            return currentTimestamp();
        }

        @Override
        public long currentProcessingTime() {
            return timerService.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timerService.currentWatermark();
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            SideOutputs.emit(output, tag, value, current);
        }
    }

    private class ReadOnlyCtx extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyCtx(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <KB, VB> ReadOnlyBroadcastState<KB, VB> getBroadcastState(MapStateDescriptor<KB, VB> descriptor) {
            return states.getReadOnly(descriptor);
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
        public Long timestamp() {
            return currentTimestamp();
        }

        @Override
        public long currentProcessingTime() {
            return timerService.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timerService.currentWatermark();
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            SideOutputs.emit(output, tag, value, current);
        }
    }

    private final class TimerCtx extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        /** The timer being fired; owner: task thread. */
        private InternalTimer<K, VoidNamespace> firing;
        /** Owner: task thread. */
        private TimeDomain domain;

        TimerCtx(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public <KB, VB> ReadOnlyBroadcastState<KB, VB> getBroadcastState(MapStateDescriptor<KB, VB> descriptor) {
            return states.getReadOnly(descriptor);
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
        public Long timestamp() {
            return domain == TimeDomain.EVENT_TIME && firing != null ? firing.timestamp() : null;
        }

        @Override
        public long currentProcessingTime() {
            return timerService.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timerService.currentWatermark();
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            SideOutputs.emitAt(output, tag, value, timestamp());
        }
    }
}
