package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.BroadcastProcessFunction;
import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReadOnlyBroadcastState;
import io.runnel.runtime.operators.timers.ProcessingTimeService;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * Runs a {@link BroadcastProcessFunction}: input 1 is this instance's share of the non-broadcast stream, which
 * reads the broadcast states; input 2 the broadcast stream, every record of which reaches every instance and may
 * write them. After Flink's {@code CoBroadcastWithNonKeyedOperator}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <IN1> the non-broadcast input's type
 * @param <IN2> the broadcast input's type
 * @param <OUT> output type
 */
final class BroadcastProcessOperator<IN1, IN2, OUT>
        extends UdfOperator<BroadcastProcessFunction<IN1, IN2, OUT>, OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {

    private final BroadcastStates states;
    private final ProcessingTimeService processingTimeService;
    private final TimestampedCollector<OUT> collector;
    private final ReadOnlyCtx readOnlyContext;
    private final Ctx context;
    /** Owner: task thread. The record being processed, or null. */
    private StreamRecord<?> current;
    /** Owner: task thread. The operator's watermark in ms. */
    private long watermark = Long.MIN_VALUE;

    BroadcastProcessOperator(BroadcastProcessFunction<IN1, IN2, OUT> function, BroadcastStates states,
                             StreamOperatorParameters<OUT> parameters) {
        super(function, parameters);
        this.states = states;
        this.processingTimeService = parameters.processingTimeService();
        this.collector = new TimestampedCollector<>(output);
        this.readOnlyContext = new ReadOnlyCtx(function);
        this.context = new Ctx(function);
    }

    @Override
    public void snapshotState(long checkpointId, long timestampMillis) throws Exception {
        states.snapshot();
        super.snapshotState(checkpointId, timestampMillis);
    }

    @Override
    public void processElement1(StreamRecord<IN1> record) throws Exception {
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
    public void processWatermark(Watermark mark) throws Exception {
        watermark = mark.timestamp();
        output.emitWatermark(mark);
    }

    private Long currentTimestamp() {
        return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
    }

    private final class Ctx extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
        Ctx(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return states.get(descriptor);
        }

        @Override
        public Long timestamp() {
            return currentTimestamp();
        }

        @Override
        public long currentProcessingTime() {
            return processingTimeService.getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return watermark;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            SideOutputs.emit(output, tag, value, current);
        }
    }

    private final class ReadOnlyCtx extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyCtx(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return states.getReadOnly(descriptor);
        }

        @Override
        public Long timestamp() {
            return currentTimestamp();
        }

        @Override
        public long currentProcessingTime() {
            return processingTimeService.getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return watermark;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            SideOutputs.emit(output, tag, value, current);
        }
    }
}
