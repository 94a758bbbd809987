package io.runnel.runtime.operators;

import io.runnel.api.environment.ExecutionOptions;
import io.runnel.api.eventtime.TimestampAssigner;
import io.runnel.api.eventtime.WatermarkGenerator;
import io.runnel.api.eventtime.WatermarkOutput;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.runtime.operators.timers.ProcessingTimeService;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * Gives records their event time and emits watermarks from a {@link WatermarkStrategy}: every record gets the
 * assigner's timestamp and is shown to the generator; every {@code pipeline.auto-watermark-interval} the generator
 * is asked for a periodic watermark (through a processing-time callback, so on the task thread). Emitted
 * watermarks only ever advance. Upstream watermarks are dropped except the final {@code Long.MAX_VALUE} of a
 * bounded input, as in Flink's {@code TimestampsAndWatermarksOperator}.
 *
 * <p>Idleness ({@link WatermarkOutput#markIdle()}) is tracked but not yet sent downstream, where inputs are not yet
 * excluded from the watermark minimum while idle.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record type
 */
final class TimestampsAndWatermarksOperator<T> implements OneInputStreamOperator<T, T>, WatermarkOutput {

    private final WatermarkStrategy<T> strategy;
    private final Output<T> output;
    private final ProcessingTimeService processingTimeService;
    private final long intervalMillis;
    /** Created in {@link #open()}; owner: task thread. */
    private TimestampAssigner<T> assigner;
    private WatermarkGenerator<T> generator;
    /** Owner: task thread. */
    private long currentWatermark = Long.MIN_VALUE;
    private boolean idle;
    private boolean closed;

    TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy, StreamOperatorParameters<T> parameters) {
        this.strategy = strategy;
        this.output = parameters.output();
        this.processingTimeService = parameters.processingTimeService();
        this.intervalMillis = parameters.configuration().get(ExecutionOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    @Override
    public void open() {
        assigner = strategy.createTimestampAssigner();
        generator = strategy.createWatermarkGenerator();
        if (intervalMillis > 0) {
            schedulePeriodic();
        }
    }

    private void schedulePeriodic() {
        long next = processingTimeService.getCurrentProcessingTime() + intervalMillis;
        processingTimeService.registerTimer(next, time -> {
            if (!closed) {
                generator.onPeriodicEmit(this);
                schedulePeriodic();
            }
        });
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        T value = record.getValue();
        long previous = record.hasTimestamp() ? record.getTimestamp() : TimestampAssigner.NO_TIMESTAMP;
        long timestamp = assigner.extractTimestamp(value, previous);
        record.setTimestamp(timestamp);
        output.collect(record);
        generator.onEvent(value, timestamp, this);
    }

    @Override
    public void processWatermark(Watermark watermark) throws Exception {
        if (watermark.timestamp() == Long.MAX_VALUE && currentWatermark != Long.MAX_VALUE) {
            currentWatermark = Long.MAX_VALUE;
            output.emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermark(long timestamp) {
        idle = false;
        if (timestamp > currentWatermark) {
            currentWatermark = timestamp;
            TimestampedCollector.emitWatermark(output, new Watermark(timestamp));
        }
    }

    @Override
    public void markIdle() {
        idle = true;
    }

    @Override
    public void markActive() {
        idle = false;
    }

    /** @return whether the generator marked this output idle (kept for idleness propagation) */
    boolean isIdle() {
        return idle;
    }

    @Override
    public void finish() {
        // The final watermark comes from the source when the input ends; nothing to flush here.
    }

    @Override
    public void close() {
        closed = true;
    }
}
