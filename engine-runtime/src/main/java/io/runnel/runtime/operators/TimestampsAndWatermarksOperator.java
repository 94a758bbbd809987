package io.runnel.runtime.operators;

import io.runnel.streamrecord.WatermarkStatus;
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
 * <p>When the generator marks the output idle ({@link WatermarkOutput#markIdle()}, e.g. {@code withIdleness}) an
 * IDLE {@link WatermarkStatus} goes downstream, where the stream then does not hold back the watermark minimum;
 * the next watermark or record makes it ACTIVE again.
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
        markActive();
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
    public void processWatermarkStatus(WatermarkStatus status) {
        // This operator decides idleness from its own generator; upstream statuses are dropped like watermarks.
    }

    @Override
    public void emitWatermark(long timestamp) {
        markActive();
        if (timestamp > currentWatermark) {
            currentWatermark = timestamp;
            TimestampedCollector.emitWatermark(output, new Watermark(timestamp));
        }
    }

    @Override
    public void markIdle() {
        if (!idle && currentWatermark != Long.MAX_VALUE) {
            idle = true;
            emitStatus(WatermarkStatus.IDLE);
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            emitStatus(WatermarkStatus.ACTIVE);
        }
    }

    private void emitStatus(WatermarkStatus status) {
        try {
            output.emitWatermarkStatus(status);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TimestampedCollector.DownstreamException(e);
        }
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
