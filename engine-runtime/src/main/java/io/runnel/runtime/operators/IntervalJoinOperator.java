package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.ProcessJoinFunction;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.graph.OperatorSpec;
import io.runnel.runtime.operators.timers.InternalTimer;
import io.runnel.runtime.operators.timers.InternalTimerServiceImpl;
import io.runnel.runtime.operators.timers.ProcessingTimeService;
import io.runnel.runtime.operators.timers.Triggerable;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.VoidNamespace;
import io.runnel.state.VoidNamespaceSerializer;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event-time interval join of two keyed streams: a left record at {@code l} and a right record at {@code r}
 * of one key join when {@code l + lower <= r <= l + upper} (bounds inclusive, in ms). The idea is Flink's
 * {@code IntervalJoinOperator}; the cleanup rule below is this class's own.
 *
 * <p>Each side is buffered in keyed {@code MapState<Long, List<T>>} by timestamp. A record first joins the
 * other side's buffer, then is buffered itself. A record with {@code ts < watermark} is late and dropped, so the
 * records that can still arrive have {@code ts >= watermark}. Hence a left record at {@code l} can meet no future
 * right record once {@code watermark > l + upper}, and a right record at {@code r} no future left one once
 * {@code watermark > r - lower}. Each record registers an event-time cleanup timer at that first hopeless
 * watermark: {@code l + upper + 1} or {@code r - lower + 1}. A timer at {@code T} removes both
 * {@code left[T - upper - 1]} and {@code right[T + lower - 1]}: the two buckets that become hopeless at {@code T},
 * so one deduplicated timer serves both sides and the timer needs no namespace.
 *
 * <p>Results carry {@code max(l, r)} as their event time.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <T1> the left input's type
 * @param <T2> the right input's type
 * @param <OUT> output type
 */
final class IntervalJoinOperator<K, T1, T2, OUT> extends UdfOperator<ProcessJoinFunction<T1, T2, OUT>, OUT>
        implements TwoInputStreamOperator<T1, T2, OUT>, Triggerable<K, VoidNamespace> {

    private final KeySelector<T1, K> keySelector1;
    private final KeySelector<T2, K> keySelector2;
    private final long lowerMillis;
    private final long upperMillis;
    private final KeyedStateBackend<K> backend;
    private final TypeSerializer<K> keySerializer;
    private final ProcessingTimeService processingTimeService;
    private final TimestampedCollector<OUT> collector;
    private final Ctx context;
    /** Created in {@link #open()}; owner: task thread. */
    private InternalTimerServiceImpl<K, VoidNamespace> timers;
    /** Created in {@link #open()}; owner: task thread. */
    private MapState<Long, List<T1>> leftBuffer;
    /** Created in {@link #open()}; owner: task thread. */
    private MapState<Long, List<T2>> rightBuffer;

    @SuppressWarnings("unchecked")
    IntervalJoinOperator(OperatorSpec.IntervalJoinSpec spec, StreamOperatorParameters<OUT> parameters) {
        super((ProcessJoinFunction<T1, T2, OUT>) spec.function(), parameters);
        this.keySelector1 = (KeySelector<T1, K>) spec.keySelector1();
        this.keySelector2 = (KeySelector<T2, K>) spec.keySelector2();
        this.lowerMillis = spec.lowerBoundMillis();
        this.upperMillis = spec.upperBoundMillis();
        this.keySerializer = (TypeSerializer<K>) spec.keyType().createSerializer();
        this.backend = (KeyedStateBackend<K>) (KeyedStateBackend<?>) parameters.keyedStateBackend();
        this.processingTimeService = parameters.processingTimeService();
        this.collector = new TimestampedCollector<>(output);
        this.context = new Ctx(function);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        TypeInformation<List<Object>> listType = (TypeInformation) TypeInformation.of(List.class);
        leftBuffer = backend.getOrCreateKeyedState(new MapStateDescriptor<>("_interval-join/left",
                TypeInformation.of(Long.class), listType));
        rightBuffer = backend.getOrCreateKeyedState(new MapStateDescriptor<>("_interval-join/right",
                TypeInformation.of(Long.class), listType));
        timers = new InternalTimerServiceImpl<>("interval-join-cleanup", backend, keySerializer,
                VoidNamespaceSerializer.INSTANCE, processingTimeService, this);
        super.open();
    }

    @Override
    public void processElement1(StreamRecord<T1> record) throws Exception {
        long ts = timestampOf(record);
        if (ts < timers.currentWatermark()) {
            return;
        }
        backend.setCurrentKey(keySelector1.getKey(record.getValue()));
        T1 left = record.getValue();
        // Right records r with ts + lower <= r <= ts + upper.
        for (Map.Entry<Long, List<T2>> bucket : rightBuffer.entries()) {
            long r = bucket.getKey();
            if (r >= ts + lowerMillis && r <= ts + upperMillis) {
                for (T2 right : bucket.getValue()) {
                    emit(left, ts, right, r);
                }
            }
        }
        buffer(leftBuffer, ts, left);
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, saturatedAdd(ts, upperMillis + 1));
    }

    @Override
    public void processElement2(StreamRecord<T2> record) throws Exception {
        long ts = timestampOf(record);
        if (ts < timers.currentWatermark()) {
            return;
        }
        backend.setCurrentKey(keySelector2.getKey(record.getValue()));
        T2 right = record.getValue();
        // Left records l with l + lower <= ts <= l + upper, that is ts - upper <= l <= ts - lower.
        for (Map.Entry<Long, List<T1>> bucket : leftBuffer.entries()) {
            long l = bucket.getKey();
            if (l >= ts - upperMillis && l <= ts - lowerMillis) {
                for (T1 left : bucket.getValue()) {
                    emit(left, l, right, ts);
                }
            }
        }
        buffer(rightBuffer, ts, right);
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, saturatedAdd(ts, 1 - lowerMillis));
    }

    private static long timestampOf(StreamRecord<?> record) {
        if (!record.hasTimestamp()) {
            throw new IllegalStateException("An interval join needs event time, but a record has no timestamp: "
                    + "use assignTimestampsAndWatermarks(...) on both inputs");
        }
        return record.getTimestamp();
    }

    /** Appends to the bucket and puts it back, so that a backend that stores bytes (RocksDB) sees the change. */
    private static <T> void buffer(MapState<Long, List<T>> state, long ts, T value) {
        List<T> bucket = state.get(ts);
        if (bucket == null) {
            bucket = new ArrayList<>(1);
        }
        bucket.add(value);
        state.put(ts, bucket);
    }

    private void emit(T1 left, long leftTs, T2 right, long rightTs) throws Exception {
        context.leftTs = leftTs;
        context.rightTs = rightTs;
        collector.setAbsoluteTimestamp(Math.max(leftTs, rightTs));
        try {
            function.processElement(left, right, context, collector);
        } catch (TimestampedCollector.DownstreamException e) {
            throw unwrap(e);
        }
    }

    @Override
    public void processWatermark(Watermark watermark) throws Exception {
        timers.advanceWatermark(watermark.timestamp());
        output.emitWatermark(watermark);
    }

    @Override
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) {
        long t = timer.timestamp();
        leftBuffer.remove(saturatedAdd(t, -upperMillis - 1));
        rightBuffer.remove(saturatedAdd(t, lowerMillis - 1));
    }

    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) {
        throw new IllegalStateException("an interval join registers no processing-time timers");
    }

    /** Timestamps near Long.MIN_VALUE/MAX_VALUE must not wrap around and clean up too early or never. */
    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
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

    private final class Ctx extends ProcessJoinFunction<T1, T2, OUT>.Context {
        /** Owner: task thread. The timestamps of the pair being processed, in ms. */
        private long leftTs;
        private long rightTs;

        Ctx(ProcessJoinFunction<T1, T2, OUT> function) {
            function.super();
        }

        @Override
        public long getLeftTimestamp() {
            return leftTs;
        }

        @Override
        public long getRightTimestamp() {
            return rightTs;
        }

        @Override
        public long getTimestamp() {
            return Math.max(leftTs, rightTs);
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            SideOutputs.emitAt(output, tag, value, getTimestamp());
        }
    }
}
