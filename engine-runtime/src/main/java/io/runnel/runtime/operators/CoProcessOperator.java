package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.TimerService;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * Runs a {@link CoProcessFunction} over two connected streams, without keyed state or timers: each input's
 * records go to their own method, with the record's timestamp on the results. Its watermark (what the function
 * sees as {@code currentWatermark()}, and what it forwards) is the minimum of the two inputs' watermarks, combined
 * by the task's input processor. After Flink's {@code CoProcessOperator}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> output type
 */
final class CoProcessOperator<IN1, IN2, OUT> extends UdfOperator<CoProcessFunction<IN1, IN2, OUT>, OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {

    private final TimestampedCollector<OUT> collector;
    private final Ctx context;
    private final NonKeyedTimerService clocks;
    /** Owner: task thread. The record being processed, or null. */
    private StreamRecord<?> current;

    CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function, StreamOperatorParameters<OUT> parameters) {
        super(function, parameters);
        this.collector = new TimestampedCollector<>(output);
        this.context = new Ctx(function);
        this.clocks = new NonKeyedTimerService(parameters.processingTimeService(), "Timers need keyed inputs: use "
                + "connect(...).keyBy(key1, key2).process(KeyedCoProcessFunction) to register timers");
    }

    @Override
    public void processElement1(StreamRecord<IN1> record) throws Exception {
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
    public void processWatermark(Watermark mark) throws Exception {
        clocks.setWatermark(mark.timestamp());
        output.emitWatermark(mark);
    }

    private final class Ctx extends CoProcessFunction<IN1, IN2, OUT>.Context {
        Ctx(CoProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return clocks;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            SideOutputs.emit(output, tag, value, current);
        }
    }
}
