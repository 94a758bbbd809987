package io.runnel.runtime.operators;

import io.runnel.api.connector.source.SourceOutput;
import io.runnel.api.environment.ExecutionOptions;
import io.runnel.api.eventtime.TimestampAssigner;
import io.runnel.api.eventtime.WatermarkGenerator;
import io.runnel.api.eventtime.WatermarkOutput;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.runtime.operators.timers.ProcessingTimeService;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event time inside a source, per split (FLIP-27): every split output gets its own watermark generator (records
 * get timestamps from the strategy's assigner), and the source emits the minimum over the watermarks of its
 * active split outputs; idle ones are left out, and when all are idle the source emits an IDLE status. Records a
 * reader emits without a split go through one more output of their own. Periodic generators are asked every
 * {@code pipeline.auto-watermark-interval} through a processing-time callback, on the task thread.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the record type
 */
final class SplitWatermarks<T> {

    /** The key of the output for records emitted without a split. */
    private static final String NO_SPLIT = "\u0000no-split";

    private final WatermarkStrategy<T> strategy;
    private final TimestampAssigner<T> assigner;
    private final Output<T> output;
    private final ProcessingTimeService processingTimeService;
    private final long intervalMillis;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);
    /** Owner: task thread. */
    private final Map<String, SplitOutput> splits = new LinkedHashMap<>();
    /** Owner: task thread. No periodic watermarks while set. */
    private boolean paused;
    /** Owner: task thread. The output of records without a split, cached: it is on the per-record path. */
    private SourceOutput<T> noSplit;
    private long emittedWatermark = Long.MIN_VALUE;
    private boolean emittedIdle;
    private boolean closed;

    SplitWatermarks(WatermarkStrategy<T> strategy, StreamOperatorParameters<T> parameters) {
        this.strategy = strategy;
        this.assigner = strategy.createTimestampAssigner();
        this.output = parameters.output();
        this.processingTimeService = parameters.processingTimeService();
        this.intervalMillis = parameters.configuration().get(ExecutionOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    /**
     * Starts the periodic watermark callback. The output for records without a split exists from the start, so
     * that a reader that never emits still gets its generator's periodic calls (and can be marked idle).
     */
    void start() {
        noSplitOutput();
        if (intervalMillis > 0) {
            schedulePeriodic();
        }
    }

    private void schedulePeriodic() {
        processingTimeService.registerTimer(processingTimeService.getCurrentProcessingTime() + intervalMillis,
                time -> {
                    if (!closed) {
                        if (!paused) {
                            for (SplitOutput split : new ArrayList<>(splits.values())) {
                                split.generator.onPeriodicEmit(split);
                            }
                        }
                        schedulePeriodic();
                    }
                });
    }

    /** Stops or restarts the periodic watermarks (while a stop-with-savepoint is pending). Task thread. */
    void pause(boolean pause) {
        this.paused = pause;
    }

    /** @return the output of split {@code splitId}, created on first use */
    SourceOutput<T> outputFor(String splitId) {
        return splits.computeIfAbsent(splitId, id -> new SplitOutput());
    }

    /** @return the output of records emitted without a split */
    SourceOutput<T> noSplitOutput() {
        if (noSplit == null) {
            noSplit = outputFor(NO_SPLIT);
        }
        return noSplit;
    }

    /** Forgets a finished split, so that it no longer holds back the watermark. */
    void release(String splitId) {
        if (splits.remove(splitId) != null) {
            update();
        }
    }

    /** Stops the periodic callback. */
    void close() {
        closed = true;
    }

    /** Emits the minimum watermark over the active splits if it advanced, or IDLE when every split is idle. */
    private void update() {
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (SplitOutput s : splits.values()) {
            // The no-split output counts only once used, or while it is the only output: a reader that emits
            // per split never feeds it, and its initial watermark must not hold the others back.
            boolean unusedExtra = s == noSplit && !s.used && splits.size() > 1;
            if (!s.idle && !unusedExtra) {
                anyActive = true;
                min = Math.min(min, s.watermark);
            }
        }
        boolean allIdle = !splits.isEmpty() && !anyActive;
        if (allIdle != emittedIdle) {
            emittedIdle = allIdle;
            emitStatus(allIdle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
        }
        if (anyActive && min > emittedWatermark) {
            emittedWatermark = min;
            TimestampedCollector.emitWatermark(output, new Watermark(min));
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

    /** One split's records and watermarks. */
    private final class SplitOutput implements SourceOutput<T>, WatermarkOutput {
        private final WatermarkGenerator<T> generator = strategy.createWatermarkGenerator();
        /** Owner: task thread. */
        private long watermark = Long.MIN_VALUE;
        private boolean idle;
        /** Whether a record went through this output. */
        private boolean used;

        @Override
        public void collect(T record) {
            collect(record, TimestampAssigner.NO_TIMESTAMP);
        }

        @Override
        public void collect(T record, long timestamp) {
            used = true;
            long ts = assigner.extractTimestamp(record, timestamp);
            TimestampedCollector.emit(output, reuse.replace(record, ts));
            generator.onEvent(record, ts, this);
        }

        @Override
        public void emitWatermark(long timestamp) {
            boolean changed = idle || timestamp > watermark;
            idle = false;
            watermark = Math.max(watermark, timestamp);
            if (changed) {
                update();
            }
        }

        @Override
        public void markIdle() {
            if (!idle) {
                idle = true;
                update();
            }
        }

        @Override
        public void markActive() {
            if (idle) {
                idle = false;
                update();
            }
        }
    }
}
