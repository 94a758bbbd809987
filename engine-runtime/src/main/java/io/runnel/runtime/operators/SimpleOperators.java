package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.FilterFunction;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.functions.TimerService;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;

/**
 * The stateless one-input operators: map, filter, flatMap and process. Map and filter are on the hot path of
 * every pipeline: they reuse the incoming record object and do nothing but call the function.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class SimpleOperators {

    private SimpleOperators() {
    }

    static final class MapOperator<IN, OUT> extends UdfOperator<MapFunction<IN, OUT>, OUT>
            implements OneInputStreamOperator<IN, OUT> {

        MapOperator(MapFunction<IN, OUT> function, StreamOperatorParameters<OUT> parameters) {
            super(function, parameters);
        }

        @Override
        public void processElement(StreamRecord<IN> record) throws Exception {
            output.collect(record.replace(function.map(record.getValue())));
        }
    }

    static final class FilterOperator<T> extends UdfOperator<FilterFunction<T>, T>
            implements OneInputStreamOperator<T, T> {

        FilterOperator(FilterFunction<T> function, StreamOperatorParameters<T> parameters) {
            super(function, parameters);
        }

        @Override
        public void processElement(StreamRecord<T> record) throws Exception {
            if (function.filter(record.getValue())) {
                output.collect(record);
            }
        }
    }

    static final class FlatMapOperator<IN, OUT> extends UdfOperator<FlatMapFunction<IN, OUT>, OUT>
            implements OneInputStreamOperator<IN, OUT> {
        private final TimestampedCollector<OUT> collector;

        FlatMapOperator(FlatMapFunction<IN, OUT> function, StreamOperatorParameters<OUT> parameters) {
            super(function, parameters);
            this.collector = new TimestampedCollector<>(output);
        }

        @Override
        public void processElement(StreamRecord<IN> record) throws Exception {
            collector.setTimestampFrom(record);
            try {
                function.flatMap(record.getValue(), collector);
            } catch (TimestampedCollector.DownstreamException e) {
                throw unwrap(e);
            }
        }
    }

    static final class ProcessOperator<IN, OUT> extends UdfOperator<ProcessFunction<IN, OUT>, OUT>
            implements OneInputStreamOperator<IN, OUT> {
        private final TimestampedCollector<OUT> collector;
        private final Ctx context;
        private final NonKeyedTimerService clocks;
        /** Owner: task thread. */
        private StreamRecord<IN> current;

        ProcessOperator(ProcessFunction<IN, OUT> function, StreamOperatorParameters<OUT> parameters) {
            super(function, parameters);
            this.collector = new TimestampedCollector<>(output);
            this.context = new Ctx(function);
            this.clocks = new NonKeyedTimerService(parameters.processingTimeService(),
                    "Timers need a keyed stream: use keyBy(...).process(KeyedProcessFunction) to register timers");
        }

        @Override
        public void processWatermark(Watermark watermark) throws Exception {
            clocks.setWatermark(watermark.timestamp());
            output.emitWatermark(watermark);
        }

        @Override
        public void processElement(StreamRecord<IN> record) throws Exception {
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
        public void finish() throws Exception {
            collector.eraseTimestamp();
            try {
                function.endInput(collector);
            } catch (TimestampedCollector.DownstreamException e) {
                throw unwrap(e);
            }
        }

        private final class Ctx extends ProcessFunction<IN, OUT>.Context {
            Ctx(ProcessFunction<IN, OUT> function) {
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
}
