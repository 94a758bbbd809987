package io.runnel.runtime.operators.windowing;

import io.runnel.api.common.LongCounter;
import io.runnel.api.common.OutputTag;
import io.runnel.api.common.Tuple2;
import io.runnel.api.functions.Function;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.assigners.SlidingEventTimeWindows;
import io.runnel.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.windows.TimeWindow;
import io.runnel.graph.OperatorSpec;
import io.runnel.runtime.operators.OneInputStreamOperator;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.StreamOperatorParameters;
import io.runnel.runtime.operators.timers.InternalTimer;
import io.runnel.runtime.operators.timers.InternalTimerServiceImpl;
import io.runnel.runtime.operators.timers.Triggerable;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.NamespaceDrainableState;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Sliding (and tumbling) windows kept as slices: time is cut into slices of {@code gcd(size, slide)} ms, each element updates the
 * one slice it falls into, and a window's result combines its {@code size / gcd} slices when it fires. An element
 * thus costs one state update and one (deduplicated) timer registration however many windows it belongs to, where
 * the generic {@link WindowOperator} would write {@code size / slide} window states. The technique is the "panes"
 * of Li et al., "No pane, no gain" (SIGMOD Record 2005), also used by Flink's table runtime ("window slicing").
 *
 * <p>Used for sliding assigners with their default trigger, no evictor and no allowed lateness (see
 * {@link #supports}); results equal the generic operator's. A window fires when its time passes (watermark or
 * wall clock) if any of its slices has content; firing a window registers the next window's timer while its
 * slices have content, so each key keeps one timer chain, and drops the slices no later window needs. An element
 * whose last window has already fired is late (side output or {@code numLateRecordsDropped}).
 *
 * <p>Event-time tumbling windows whose state can be {@linkplain NamespaceDrainableState drained} by namespace (the
 * heap backend's) register no timers: {@link PendingWindows} lists the windows with content, and a watermark
 * fires the windows it passed by draining their entries from the state in one pass, window by window and within a
 * window key group by key group. Per-key timers would cost a queued timer per (key, window), and each firing a heap
 * poll plus cold reads of the timer and key and two hash lookups (read, then clear) of an entry last touched
 * seconds before; with W3's 10 s windows that was most of the window task's time. The state is also {@linkplain
 * NamespaceDrainableState#partitionByNamespace() partitioned by window}, so the open window's entries stay dense
 * while the windows a watermark has not yet passed fill up. The window list is rebuilt from the state on restore
 * (the heap backend restores only its own snapshots, so a snapshot never mixes the two paths).
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <IN> element type
 * @param <OUT> output type
 */
public final class SlicingWindowOperator<K, IN, OUT>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, TimeWindow> {

    private final boolean eventTime;
    private final long size;
    private final long slide;
    private final long offset;
    private final long sliceSize;
    private final OutputTag<IN> lateDataTag;
    private final KeySelector<IN, K> keySelector;
    private final TypeSerializer<K> keySerializer;
    private final TypeInformation<IN> inputType;
    private final Function incremental;
    private final ProcessWindowFunction<Object, OUT, K, TimeWindow> windowFunction;
    private final KeyedStateBackend<K> backend;
    private final StreamOperatorParameters<OUT> parameters;
    private final Output<OUT> output;
    private final WindowEmitter<K, OUT, TimeWindow> emitter;
    /**
     * Set in {@link #open()} for event-time tumbling windows whose state can be drained by window: they fire from
     * {@link #pending} by draining, instead of from per-key timers. Null otherwise. Owner: task thread.
     */
    private NamespaceDrainableState<Object, TimeWindow> drainable;
    /** The windows with content, when {@link #drainable} is set; owner: task thread. */
    private final PendingWindows pending = new PendingWindows();
    /** Created in {@link #open()}; owner: task thread. */
    private InternalTimerServiceImpl<K, TimeWindow> timers;
    private SliceContents<IN> slices;
    private LongCounter lateRecordsDropped;
    /**
     * Owner: task thread. The largest window end (max timestamp) fired in processing time: processing-time
     * callbacks fire every key's due windows at once, so any window ending at or before it has fired, and an
     * element arriving in the same millisecond must not re-register it.
     */
    private long processingFiredUpTo = Long.MIN_VALUE;
    /**
     * Owner: task thread. The slice of the last element: consecutive elements mostly fall into the same slice, and
     * reusing one instance saves an allocation per element and lets the state map match the namespace by identity.
     */
    private TimeWindow lastSlice;
    /** Owner: task thread. The slice before {@link #lastSlice}: out-of-order elements near a slice border. */
    private TimeWindow otherSlice;

    /**
     * @return true if {@code spec} can run on slices: a sliding or tumbling assigner (tumbling is sliding with
     *     slide = size: one slice per window), its default trigger, no evictor and no allowed lateness
     */
    public static boolean supports(OperatorSpec.WindowSpec spec) {
        boolean sliding = spec.assigner() instanceof SlidingEventTimeWindows
                || spec.assigner() instanceof SlidingProcessingTimeWindows
                || spec.assigner() instanceof TumblingEventTimeWindows
                || spec.assigner() instanceof TumblingProcessingTimeWindows;
        return sliding && spec.evictor() == null && spec.allowedLatenessMillis() == 0
                && spec.trigger().getClass() == spec.assigner().getDefaultTrigger().getClass();
    }

    /**
     * @param spec a window spec for which {@link #supports} is true
     * @param parameters the operator's output, runtime context, keyed backend and clocks
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SlicingWindowOperator(OperatorSpec.WindowSpec spec, StreamOperatorParameters<OUT> parameters) {
        if (spec.assigner() instanceof SlidingEventTimeWindows s) {
            this.eventTime = true;
            this.size = s.getSize();
            this.slide = s.getSlide();
            this.offset = s.getOffset();
        } else if (spec.assigner() instanceof SlidingProcessingTimeWindows s) {
            this.eventTime = false;
            this.size = s.getSize();
            this.slide = s.getSlide();
            this.offset = s.getOffset();
        } else if (spec.assigner() instanceof TumblingEventTimeWindows t) {
            this.eventTime = true;
            this.size = t.getSize();
            this.slide = t.getSize();
            this.offset = t.getOffset();
        } else {
            TumblingProcessingTimeWindows t = (TumblingProcessingTimeWindows) spec.assigner();
            this.eventTime = false;
            this.size = t.getSize();
            this.slide = t.getSize();
            this.offset = t.getOffset();
        }
        this.sliceSize = gcd(size, slide);
        this.lateDataTag = (OutputTag<IN>) spec.lateDataTag();
        this.keySelector = (KeySelector<IN, K>) spec.keySelector();
        this.keySerializer = (TypeSerializer<K>) spec.keyType().createSerializer();
        this.inputType = (TypeInformation<IN>) spec.inputType();
        this.incremental = spec.incremental();
        this.windowFunction = (ProcessWindowFunction) spec.windowFunction();
        this.backend = (KeyedStateBackend<K>) (KeyedStateBackend<?>) parameters.keyedStateBackend();
        this.parameters = parameters;
        this.output = parameters.output();
        this.emitter = new WindowEmitter<>(output, windowFunction, backend, TimeWindow.Serializer.INSTANCE,
                parameters.runtimeContext());
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public void open() throws Exception {
        timers = new InternalTimerServiceImpl<>("window-timers", backend, keySerializer, TimeWindow.Serializer.INSTANCE,
                parameters.processingTimeService(), this);
        slices = SliceContents.create(backend, inputType, incremental);
        lateRecordsDropped = parameters.runtimeContext().getLongCounter("numLateRecordsDropped");
        UserFunctions.open(parameters.runtimeContext(), incremental, windowFunction);
        emitter.setTimers(timers);
        drainable = eventTime && slide == size ? slices.drainable() : null;
        if (drainable != null) {
            // Few windows are open at a time, each with many keys: keep each window's entries apart.
            drainable.partitionByNamespace();
            restorePendingWindows();
        }
    }

    /** Rebuilds {@link #pending} from the window state restored from a snapshot (nothing for a fresh start). */
    private void restorePendingWindows() {
        backend.<TimeWindow>getKeysAndNamespaces(SliceContents.STATE_NAME).map(Tuple2::f1).distinct()
                .forEach(pending::add);
    }

    /** @return the start of the window of {@code slide} alignment at or before {@code time} */
    private long alignedStart(long time) {
        return time - Math.floorMod(time - offset, slide);
    }

    private static boolean inSlice(TimeWindow slice, long time) {
        return slice != null && time >= slice.getStart() && time < slice.getEnd();
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        IN value = record.getValue();
        long time;
        if (eventTime) {
            if (!record.hasTimestamp()) {
                throw new IllegalStateException("A record has no event timestamp, so sliding event-time windows cannot"
                        + " place it. Assign timestamps and watermarks before windowing (a source with a"
                        + " WatermarkStrategy, or assignTimestampsAndWatermarks(...)).");
            }
            time = record.getTimestamp();
        } else {
            time = timers.currentProcessingTime();
        }
        backend.setCurrentKey(keySelector.getKey(value));
        if (!inSlice(lastSlice, time)) {
            if (inSlice(otherSlice, time)) {
                TimeWindow swap = lastSlice;
                lastSlice = otherSlice;
                otherSlice = swap;
            } else {
                // Two long divisions, paid only when an element falls outside both remembered slices.
                long start = time - Math.floorMod(time - offset, sliceSize);
                otherSlice = lastSlice;
                lastSlice = new TimeWindow(start, start + sliceSize);
            }
        }
        TimeWindow slice = lastSlice;
        long sliceStart = slice.getStart();
        // When the slide is the slice size (tumbling windows, or a slide dividing the size), every slice start is a
        // window start, and the division is skipped.
        long lastWindowStart = slide == sliceSize ? sliceStart : alignedStart(sliceStart);
        if (eventTime && lastWindowStart + size - 1 <= timers.currentWatermark()) {
            late(record);
            return;
        }
        slices.setSlice(slice);
        if (!slices.add(value)) {
            // The slice had content, so the timer of its first unfired window is already registered.
            return;
        }
        if (drainable != null) {
            // The slice is the window, and it is not late: it fires when the watermark passes its end.
            pending.add(slice);
            return;
        }
        // The first window holding this slice that has not fired yet; later ones follow through the timer chain.
        long firstStart = alignedStart(sliceStart + sliceSize - size + slide - 1);
        long firedUpTo = eventTime ? timers.currentWatermark() : processingFiredUpTo;
        for (long start = firstStart; start <= lastWindowStart; start += slide) {
            if (start + size - 1 > firedUpTo) {
                registerWindowTimer(start);
                return;
            }
        }
        // Processing time only (event time returned above as late): the clock read before this element's windows
        // fired in the same millisecond. Fire the last of them again for it, as the generic operator would.
        registerWindowTimer(lastWindowStart);
    }

    private void late(StreamRecord<IN> record) throws Exception {
        if (lateDataTag != null) {
            StreamRecord<IN> copy = new StreamRecord<>(record.getValue());
            copy.copyTimestampFrom(record);
            output.collect(lateDataTag, copy);
        } else {
            lateRecordsDropped.add(1);
        }
    }

    private void registerWindowTimer(long windowStart) {
        // A tumbling window is the slice just written: the same instance lets the firing find the slice's state
        // by identity instead of reading the stored window, and the timers of one window share it.
        TimeWindow window = slide == size && lastSlice != null && lastSlice.getStart() == windowStart
                ? lastSlice : new TimeWindow(windowStart, windowStart + size);
        if (eventTime) {
            timers.registerEventTimeTimer(window, window.maxTimestamp());
        } else {
            timers.registerProcessingTimeTimer(window, window.maxTimestamp());
        }
    }

    private List<TimeWindow> slicesOf(long from, long to) {
        List<TimeWindow> list = new ArrayList<>((int) ((to - from) / sliceSize));
        for (long s = from; s < to; s += sliceSize) {
            list.add(new TimeWindow(s, s + sliceSize));
        }
        return list;
    }

    @Override
    public void processWatermark(Watermark watermark) throws Exception {
        timers.advanceWatermark(watermark.timestamp());
        if (drainable != null) {
            firePending(watermark.timestamp());
        }
        output.emitWatermark(watermark);
    }

    /**
     * Fires every pending window the watermark passed, in window order, by draining their entries from the state
     * in one pass; each window's keys come key group by key group, with the backend's current key set to each.
     */
    private void firePending(long watermark) throws Exception {
        List<TimeWindow> due = pending.pollDue(watermark);
        if (due.isEmpty()) {
            return;
        }
        boolean iterable = slices.isIterable();
        drainable.drainNamespaces(due, (key, window, drained) -> {
            Object contents = slices.windowContentsOf(drained);
            emitter.setWindow(window);
            if (contents != null) {
                emitter.emit(contents, iterable);
            }
            emitter.clearWindowState(window);
        });
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        output.emitWatermarkStatus(status);
    }

    @Override
    public void onEventTime(InternalTimer<K, TimeWindow> timer) throws Exception {
        fire(timer.namespace());
    }

    @Override
    public void onProcessingTime(InternalTimer<K, TimeWindow> timer) throws Exception {
        processingFiredUpTo = Math.max(processingFiredUpTo, timer.timestamp());
        fire(timer.namespace());
    }

    private void fire(TimeWindow window) throws Exception {
        // A tumbling window is its one slice, equal to the window itself.
        List<TimeWindow> windowSlices = slide == size ? List.of(window) : slicesOf(window.getStart(), window.getEnd());
        Object contents = slices.combine(windowSlices);
        emitter.setWindow(window);
        if (contents != null) {
            emitter.emit(contents, slices.isIterable());
        }
        emitter.clearWindowState(window);
        // The slices before the next window's start belong to no later window.
        List<TimeWindow> expired = slide == size
                ? windowSlices : slicesOf(window.getStart(), window.getStart() + slide);
        for (TimeWindow slice : expired) {
            slices.setSlice(slice);
            slices.clear();
        }
        if (slide == size) {
            // Tumbling: a slice is in one window only, whose timer its first element registered; no chain.
            return;
        }
        for (TimeWindow slice : slicesOf(window.getStart() + slide, window.getEnd() + slide)) {
            slices.setSlice(slice);
            if (!slices.isEmpty()) {
                registerWindowTimer(window.getStart() + slide);
                break;
            }
        }
    }

    @Override
    public void finish() {
        // Event-time windows fire on the final watermark, which arrives before the end of input.
    }

    @Override
    public void close() throws Exception {
        try {
            if (timers != null) {
                timers.close();
            }
            UserFunctions.close(incremental, windowFunction);
        } finally {
            backend.close();
        }
    }
}
